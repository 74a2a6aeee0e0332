package org.calldesk.pbxsim;

/**
 * A read-only picture of one channel at the moment it was taken, for the Java and HTTP APIs.
 *
 * @param name the channel name, e.g. {@code PJSIP/trunk-00000000}
 * @param uniqueid Asterisk's unique id, {@code <epoch>.<sequence>}
 * @param linkedid the unique id of the call's first channel: the call's id
 * @param device the device, e.g. {@code PJSIP/1001} or {@code PJSIP/trunk}
 * @param state {@code Down}, {@code Ring}, {@code Ringing}, {@code Up}, ... as ChannelStateDesc
 * @param bridgeId the bridge the channel is in, or {@code ""}
 */
public record ChannelInfo(String name, String uniqueid, String linkedid, String device, String state,
                          String callerIdNum, String callerIdName, String connectedLineNum,
                          String context, String exten, int priority, String application, String bridgeId) {

    /** The id of the call this channel belongs to (its linkedid). */
    public String callId() {
        return linkedid;
    }
}
