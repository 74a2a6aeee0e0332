package org.calldesk.application.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.calldesk.application.PbxGateway;
import org.calldesk.application.pbx.ChannelOnPbx;
import org.calldesk.application.pbx.EventLink;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.pbx.PhoneState;

/** A PBX that accepts every request and remembers it, or fails them all when told to. */
final class FakePbx implements PbxGateway {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextCall = new AtomicInteger(1);
    volatile PhoneState deviceState = PhoneState.NOT_IN_USE;
    volatile PbxRefusal failure;

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void request(String text) throws PbxRefusal {
        if (failure != null) {
            throw failure;
        }
        requests.add(text);
    }

    @Override
    public String originate(String agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxRefusal {
        request("originate " + agentDevice + " " + customerNumber + " " + sendingNumber);
        return "out." + nextCall.getAndIncrement();
    }

    @Override
    public void connect(String pbxCallId, String agentDevice, Duration ringTimeout) throws PbxRefusal {
        request("connect " + pbxCallId + " " + agentDevice);
    }

    @Override
    public void hold(String pbxCallId) throws PbxRefusal {
        request("hold " + pbxCallId);
    }

    @Override
    public void retrieve(String pbxCallId) throws PbxRefusal {
        request("retrieve " + pbxCallId);
    }

    @Override
    public void consult(String pbxCallId, String targetDevice, Duration ringTimeout) throws PbxRefusal {
        request("consult " + pbxCallId + " " + targetDevice);
    }

    @Override
    public void completeTransfer(String pbxCallId) throws PbxRefusal {
        request("completeTransfer " + pbxCallId);
    }

    @Override
    public void cancelConsult(String pbxCallId) throws PbxRefusal {
        request("cancelConsult " + pbxCallId);
    }

    @Override
    public void announceAndHangup(String pbxCallId, String announcement) throws PbxRefusal {
        request("announceAndHangup " + pbxCallId + " " + announcement);
    }

    @Override
    public void hangup(String pbxCallId) throws PbxRefusal {
        request("hangup " + pbxCallId);
    }

    @Override
    public PhoneState deviceState(String device) throws PbxRefusal {
        if (failure != null) {
            throw failure;
        }
        return deviceState;
    }

    /** What {@link #eventLink()} says: the event session is up and nothing waits, unless a test says otherwise. */
    volatile EventLink eventLink = new EventLink(true, "event session logged in", 0);

    @Override
    public EventLink eventLink() {
        return eventLink;
    }

    /** What {@link #channels()} lists: the PBX's channels, as a test sets them. */
    final List<ChannelOnPbx> channels = new CopyOnWriteArrayList<>();

    @Override
    public List<ChannelOnPbx> channels() throws PbxRefusal {
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(channels);
    }

    @Override
    public void hangupChannel(String channelName) throws PbxRefusal {
        request("hangup channel " + channelName);
        channels.removeIf(channel -> channel.name().equals(channelName));
    }
}
