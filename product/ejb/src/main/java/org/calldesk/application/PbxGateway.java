package org.calldesk.application;

import java.time.Duration;
import java.util.List;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;

/**
 * Call control on the PBX, as the application services need it. A port, so services can be
 * tested with a fake; the implementation uses the PBX connector's pooled connections. Calls and
 * devices are named by the PBX's own ids.
 */
public interface PbxGateway {

    /** @return the PBX's id of the new call */
    String originate(String agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxException;

    void connect(String pbxCallId, String agentDevice, Duration ringTimeout) throws PbxException;

    void hold(String pbxCallId) throws PbxException;

    void retrieve(String pbxCallId) throws PbxException;

    void consult(String pbxCallId, String targetDevice, Duration ringTimeout) throws PbxException;

    void completeTransfer(String pbxCallId) throws PbxException;

    void cancelConsult(String pbxCallId) throws PbxException;

    void announceAndHangup(String pbxCallId, String announcement) throws PbxException;

    void hangup(String pbxCallId) throws PbxException;

    DeviceState deviceState(String device) throws PbxException;

    /** Whether the PBX's events reach the application now, and how many wait to be delivered. */
    PbxEventLink eventLink();

    /** Every channel the PBX has now, for comparing it with the application's calls. */
    List<PbxChannel> channels() throws PbxException;

    /** Hang up one channel found astray, by its PBX name; one already gone is no error. */
    void hangupChannel(String channelName) throws PbxException;
}
