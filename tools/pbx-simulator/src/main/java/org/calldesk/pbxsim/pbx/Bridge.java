package org.calldesk.pbxsim.pbx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.calldesk.pbxsim.ami.AmiMessage;

/**
 * A two-party mixing bridge, as the Bridge() and Dial() applications create one
 * ({@code BridgeType: basic}, {@code BridgeTechnology: simple_bridge}).
 *
 * <p>Changed only on the PBX thread.
 */
final class Bridge {

    private final String uniqueid;
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private volatile boolean destroyed;

    Bridge(String uniqueid) {
        this.uniqueid = uniqueid;
    }

    String uniqueid() {
        return uniqueid;
    }

    List<Channel> channels() {
        return channels;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    void destroyed() {
        destroyed = true;
    }

    /** Asterisk's bridge snapshot headers ({@code ast_manager_build_bridge_state_string_prefix}). */
    AmiMessage appendSnapshot(AmiMessage out) {
        return out.add("BridgeUniqueid", uniqueid)
                .add("BridgeType", "basic")
                .add("BridgeTechnology", channels.size() > 2 ? "softmix" : "simple_bridge")
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", channels.size())
                .add("BridgeVideoSourceMode", "none");
    }
}
