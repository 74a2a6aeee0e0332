package org.calldesk.pbxsim.pbx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import org.calldesk.pbxsim.ami.AmiMessage;

/**
 * A call leg, as Asterisk models one: a named channel on a device, with a state, caller and
 * connected-line identity, a place in the dialplan, channel variables, and the bridge it is in.
 *
 * <p>Channels are changed only on the PBX thread (see {@link Pbx}); the fields are volatile so
 * that read-only views (the control API's call list) see a consistent recent value.
 */
public final class Channel {

    private final String name;
    private final String uniqueid;
    private final String device;
    private final long sequence;
    private final Map<String, String> variables = new ConcurrentHashMap<>();

    volatile String linkedid;
    /** The creation order of the channel whose unique id {@link #linkedid} is; the oldest wins in a bridge. */
    private volatile long linkedSequence;
    volatile ChannelState state;
    volatile String callerIdNum = "";
    volatile String callerIdName = "";
    volatile String connectedLineNum = "";
    volatile String connectedLineName = "";
    volatile String language = "en";
    volatile String accountCode = "";
    volatile String context = "default";
    volatile String exten = "s";
    volatile int priority = 1;
    volatile String application = "";
    volatile String appData = "";
    volatile Bridge bridge;
    volatile boolean hungUp;
    /** Asterisk announced the hang-up (HangupRequest or SoftHangupRequest) already. */
    volatile boolean hangupRequested;
    volatile int hangupCause;
    volatile boolean inDialplan;
    volatile long createdMillis;
    volatile long answeredMillis;
    /** The application the channel is blocked in (music, wait, bridge, dial), to interrupt on redirect or hangup. */
    volatile Blocking blocking;
    /** What the far end will do (answer, ring out, hang up); set for phones and customers. */
    volatile Behaviour behaviour;
    /** What the channel does when its bridge is dissolved around it: continue its dialplan or hang up. */
    volatile Consumer<Channel> afterBridge;
    /** Set while the channel runs one application for an application Originate: hang up after it. */
    volatile boolean singleApplication;
    /** True for channels Asterisk placed (Originate, Dial) rather than received. */
    volatile boolean outgoing;
    /** A far-end hang-up timer, cancelled when the channel goes away first. */
    volatile ScheduledFuture<?> farEndTimer;
    /** A Local channel's other half ({@code ;1} for {@code ;2} and back); {@code null} for other channels. */
    volatile Channel localPartner;
    /** 1 or 2 for the halves of a Local channel, else 0. */
    volatile int localHalf;
    /** The {@code ;1} half of an originated Local channel: what its Originate waits for. */
    volatile Ringer.Outcome localOutcome;

    Channel(String name, String uniqueid, String device, long sequence) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.device = device;
        this.sequence = sequence;
        this.linkedid = uniqueid;
        this.linkedSequence = sequence;
    }

    long sequenceOfLinkedid() {
        return linkedSequence;
    }

    /** Joins the call of another channel ({@code ast_channel_internal_copy_linkedid}). */
    void linkTo(String linkedidValue, long sequenceOfLinked) {
        this.linkedid = linkedidValue;
        this.linkedSequence = sequenceOfLinked;
    }

    public String name() {
        return name;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public String linkedid() {
        return linkedid;
    }

    /** The device the channel is on, e.g. {@code PJSIP/1001} or {@code PJSIP/trunk}. */
    public String device() {
        return device;
    }

    long sequence() {
        return sequence;
    }

    public ChannelState state() {
        return state;
    }

    public String callerIdNum() {
        return callerIdNum;
    }

    public String callerIdName() {
        return callerIdName;
    }

    public String connectedLineNum() {
        return connectedLineNum;
    }

    public String context() {
        return context;
    }

    public String exten() {
        return exten;
    }

    public int priority() {
        return priority;
    }

    public String application() {
        return application;
    }

    public String appData() {
        return appData;
    }

    public boolean isHungUp() {
        return hungUp;
    }

    /** The bridge's unique id, or {@code ""} when the channel is not bridged. */
    public String bridgeId() {
        Bridge b = bridge;
        return b == null ? "" : b.uniqueid();
    }

    public long answeredMillis() {
        return answeredMillis;
    }

    public long createdMillis() {
        return createdMillis;
    }

    Map<String, String> variables() {
        return variables;
    }

    public String variable(String varName) {
        return variables.get(varName);
    }

    /**
     * Appends Asterisk's channel snapshot headers ({@code ast_manager_build_channel_state_string_prefix}):
     * Channel, ChannelState, ChannelStateDesc, CallerIDNum, CallerIDName, ConnectedLineNum,
     * ConnectedLineName, Language, AccountCode, Context, Exten, Priority, Uniqueid, Linkedid.
     */
    AmiMessage appendSnapshot(AmiMessage out, String prefix) {
        return out.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state.code())
                .add(prefix + "ChannelStateDesc", state.description())
                .add(prefix + "CallerIDNum", orUnknown(callerIdNum))
                .add(prefix + "CallerIDName", orUnknown(callerIdName))
                .add(prefix + "ConnectedLineNum", orUnknown(connectedLineNum))
                .add(prefix + "ConnectedLineName", orUnknown(connectedLineName))
                .add(prefix + "Language", language)
                .add(prefix + "AccountCode", accountCode)
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid);
    }

    AmiMessage snapshot() {
        return appendSnapshot(new AmiMessage(), "");
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }

    @Override
    public String toString() {
        return name + "(" + uniqueid + ", " + state + (hungUp ? ", hung up" : "") + ")";
    }
}
