package org.calldesk.application.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.calldesk.application.PbxGateway;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;

/** A PBX that accepts every request and remembers it, or fails them all when told to. */
final class FakePbx implements PbxGateway {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextCall = new AtomicInteger(1);
    volatile DeviceState deviceState = DeviceState.NOT_IN_USE;
    volatile PbxException failure;

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void request(String text) throws PbxException {
        if (failure != null) {
            throw failure;
        }
        requests.add(text);
    }

    @Override
    public String originate(String agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxException {
        request("originate " + agentDevice + " " + customerNumber + " " + sendingNumber);
        return "out." + nextCall.getAndIncrement();
    }

    @Override
    public void connect(String pbxCallId, String agentDevice, Duration ringTimeout) throws PbxException {
        request("connect " + pbxCallId + " " + agentDevice);
    }

    @Override
    public void hold(String pbxCallId) throws PbxException {
        request("hold " + pbxCallId);
    }

    @Override
    public void retrieve(String pbxCallId) throws PbxException {
        request("retrieve " + pbxCallId);
    }

    @Override
    public void consult(String pbxCallId, String targetDevice, Duration ringTimeout) throws PbxException {
        request("consult " + pbxCallId + " " + targetDevice);
    }

    @Override
    public void completeTransfer(String pbxCallId) throws PbxException {
        request("completeTransfer " + pbxCallId);
    }

    @Override
    public void cancelConsult(String pbxCallId) throws PbxException {
        request("cancelConsult " + pbxCallId);
    }

    @Override
    public void announceAndHangup(String pbxCallId, String announcement) throws PbxException {
        request("announceAndHangup " + pbxCallId + " " + announcement);
    }

    @Override
    public void hangup(String pbxCallId) throws PbxException {
        request("hangup " + pbxCallId);
    }

    @Override
    public DeviceState deviceState(String device) throws PbxException {
        if (failure != null) {
            throw failure;
        }
        return deviceState;
    }

    /** What {@link #eventLink()} says: the event session is up and nothing waits, unless a test says otherwise. */
    volatile PbxEventLink eventLink = new PbxEventLink(true, "event session logged in", 0);

    @Override
    public PbxEventLink eventLink() {
        return eventLink;
    }

    /** What {@link #channels()} lists: the PBX's channels, as a test sets them. */
    final List<PbxChannel> channels = new CopyOnWriteArrayList<>();

    @Override
    public List<PbxChannel> channels() throws PbxException {
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(channels);
    }

    @Override
    public void hangupChannel(String channelName) throws PbxException {
        request("hangup channel " + channelName);
        channels.removeIf(channel -> channel.name().equals(channelName));
    }
}
