package org.calldesk.application;

import java.time.Duration;
import java.util.List;
import org.calldesk.application.pbx.ChannelOnPbx;
import org.calldesk.application.pbx.EventLink;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.pbx.PhoneState;

/**
 * Call control on the PBX, as the application services need it. A port in the application's own
 * types, so services can be tested with a fake; the implementation ({@code infrastructure.pbx})
 * translates to and from the PBX connector. Calls and devices are named by the PBX's own ids. A
 * normal return means the PBX accepted the request; what then happens is reported as {@link
 * org.calldesk.application.pbx.PbxReport}s. A request it did not carry out throws {@link
 * PbxRefusal}, which says why.
 */
public interface PbxGateway {

    /** @return the PBX's id of the new call */
    String originate(String agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxRefusal;

    void connect(String pbxCallId, String agentDevice, Duration ringTimeout) throws PbxRefusal;

    void hold(String pbxCallId) throws PbxRefusal;

    void retrieve(String pbxCallId) throws PbxRefusal;

    void consult(String pbxCallId, String targetDevice, Duration ringTimeout) throws PbxRefusal;

    void completeTransfer(String pbxCallId) throws PbxRefusal;

    void cancelConsult(String pbxCallId) throws PbxRefusal;

    void announceAndHangup(String pbxCallId, String announcement) throws PbxRefusal;

    void hangup(String pbxCallId) throws PbxRefusal;

    PhoneState deviceState(String device) throws PbxRefusal;

    /** Whether the PBX's events reach the application now, and how many wait to be delivered. */
    EventLink eventLink();

    /** Every channel the PBX has now, for comparing it with the application's calls. */
    List<ChannelOnPbx> channels() throws PbxRefusal;

    /** Hang up one channel found astray, by its PBX name; one already gone is no error. */
    void hangupChannel(String channelName) throws PbxRefusal;
}
