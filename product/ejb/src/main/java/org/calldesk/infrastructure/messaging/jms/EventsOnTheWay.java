package org.calldesk.infrastructure.messaging.jms;

import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;

/**
 * Tells {@link PbxEventsOnTheWay} about a PBX event in the application's own terms (the call's
 * PBX id, the caller's arrival), so that the application never reads the adapter's types.
 */
public final class EventsOnTheWay {

    private EventsOnTheWay() {
    }

    /** The event is about to be put on the PBX events queue. */
    public static void queued(PbxEventsOnTheWay onTheWay, CallEvent event, String eventId) {
        PbxEventsOnTheWay.Arrival arrival = event instanceof CallEvent.CallArrived arrived
                ? new PbxEventsOnTheWay.Arrival(arrived.call().value(), arrived.dialledNumber(), arrived.at())
                : null;
        onTheWay.queued(pbxCallId(event), eventId, arrival);
    }

    /** The broker took the event. */
    public static void sent(PbxEventsOnTheWay onTheWay, CallEvent event, String eventId) {
        onTheWay.sent(pbxCallId(event), eventId);
    }

    /** The event was applied, or found applied already. */
    public static void applied(PbxEventsOnTheWay onTheWay, CallEvent event, String eventId) {
        onTheWay.applied(pbxCallId(event), eventId, event instanceof CallEvent.CallArrived);
    }

    private static String pbxCallId(CallEvent event) {
        return event.callId().map(CallId::value).orElse(null);
    }
}
