package org.calldesk.connector.ami.mapping;

import java.time.Duration;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.calldesk.connector.ami.CallDeskWaitingEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;

/** asterisk-java event objects as the reader would build them from Asterisk's headers. */
public final class AmiEvents {

    private static final Object SOURCE = new Object();

    // one inbound call of the call-control tests: the customer's channel, the agents' phones and legs
    public static final String CUSTOMER_UID = "1740819600.1";
    public static final String CUSTOMER = "PJSIP/trunk-00000001";
    public static final CallId CALL = new CallId(CUSTOMER_UID);
    public static final DeviceId PHONE_1001 = new DeviceId("PJSIP/1001");
    public static final DeviceId PHONE_1002 = new DeviceId("PJSIP/1002");
    public static final String AGENT = "PJSIP/1001-00000002";
    public static final String CONSULT = "PJSIP/1002-00000003";
    public static final Duration RING = Duration.ofSeconds(20);

    private AmiEvents() {
    }

    public static CallDeskWaitingEvent waiting(String uniqueId, String channel, String callerNumber, String service) {
        CallDeskWaitingEvent event = new CallDeskWaitingEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setLinkedid(uniqueId);
        event.setChannel(channel);
        event.setCallerIdNum(callerNumber);
        event.setService(service);
        event.setContext("calldesk-inbound");
        event.setExten(service);
        return event;
    }

    public static NewChannelEvent newChannel(String uniqueId, String linkedId, String channel, String context, String exten) {
        NewChannelEvent event = new NewChannelEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setLinkedid(linkedId);
        event.setChannel(channel);
        event.setContext(context);
        event.setExten(exten);
        event.setChannelState(0);
        event.setChannelStateDesc("Down");
        return event;
    }

    public static NewStateEvent ringing(String uniqueId, String channel) {
        return newState(uniqueId, channel, 5, "Ringing");
    }

    public static NewStateEvent up(String uniqueId, String channel) {
        return newState(uniqueId, channel, 6, "Up");
    }

    public static NewStateEvent newState(String uniqueId, String channel, int state, String description) {
        NewStateEvent event = new NewStateEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        event.setChannelState(state);
        event.setChannelStateDesc(description);
        return event;
    }

    public static BridgeEnterEvent bridgeEnter(String uniqueId, String channel, String bridgeId) {
        BridgeEnterEvent event = new BridgeEnterEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        event.setBridgeUniqueId(bridgeId);
        return event;
    }

    public static BridgeLeaveEvent bridgeLeave(String uniqueId, String channel, String bridgeId) {
        BridgeLeaveEvent event = new BridgeLeaveEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        event.setBridgeUniqueId(bridgeId);
        return event;
    }

    public static MusicOnHoldStartEvent musicOnHoldStart(String uniqueId, String channel) {
        MusicOnHoldStartEvent event = new MusicOnHoldStartEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        return event;
    }

    public static MusicOnHoldStopEvent musicOnHoldStop(String uniqueId, String channel) {
        MusicOnHoldStopEvent event = new MusicOnHoldStopEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        return event;
    }

    public static HangupEvent hangup(String uniqueId, String channel, int cause) {
        HangupEvent event = new HangupEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        event.setCause(cause);
        return event;
    }

    public static DialBeginEvent dialBegin(String uniqueId, String channel, String destUniqueId, String destChannel) {
        DialBeginEvent event = new DialBeginEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        event.setDestUniqueId(destUniqueId);
        event.setDestChannel(destChannel);
        return event;
    }

    public static DialEndEvent dialEnd(String uniqueId, String channel, String dialStatus) {
        DialEndEvent event = new DialEndEvent(SOURCE);
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        event.setDialStatus(dialStatus);
        return event;
    }

    public static OriginateResponseEvent originateFailed(String uniqueId, String device, int reason) {
        OriginateResponseEvent event = new OriginateResponseEvent(SOURCE);
        event.setResponse("Failure");
        event.setUniqueId(uniqueId);
        event.setChannel(device);
        event.setReason(reason);
        return event;
    }

    public static DeviceStateChangeEvent deviceState(String device, String state) {
        DeviceStateChangeEvent event = new DeviceStateChangeEvent(SOURCE);
        event.setDevice(device);
        event.setState(state);
        return event;
    }

    public static CoreShowChannelEvent listed(String uniqueId, String linkedId, String channel, String context, String exten,
                                       String application, String bridgeId, String callerNumber) {
        CoreShowChannelEvent event = new CoreShowChannelEvent(SOURCE);
        event.setUniqueid(uniqueId);
        event.setLinkedid(linkedId);
        event.setChannel(channel);
        event.setContext(context);
        event.setExten(exten);
        event.setApplication(application);
        event.setBridgeid(bridgeId);
        event.setCallerIdNum(callerNumber);
        return event;
    }
}
