package org.calldesk.pbxsim;

import java.util.List;

/**
 * A call as the control API shows it: the channels that share a linkedid.
 *
 * @param id the linkedid, which is the unique id of the call's first channel
 * @param channels the call's channels, oldest first
 */
public record CallInfo(String id, List<ChannelInfo> channels) {

    public CallInfo {
        channels = List.copyOf(channels);
    }
}
