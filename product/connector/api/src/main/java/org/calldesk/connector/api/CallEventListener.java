package org.calldesk.connector.api;

/**
 * The message listener interface of the PBX resource adapter: a message-driven bean that
 * implements it receives every {@link CallEvent}, one at a time, on a container thread.
 *
 * <p>An implementation should hand the event on to durable storage (a queue) and return; if it
 * throws, the adapter logs the failure and the event is reported again only by a later
 * resynchronisation.
 *
 * <p>Several application nodes connected to one PBX each receive every event. The event id lets
 * them keep one copy: every adapter connected to the same PBX gives the same report the same id,
 * so a queue that drops a second message with an id it has already seen (a broker's duplicate
 * detection) applies each event once.
 */
public interface CallEventListener {

    /**
     * @param event   what the PBX reported
     * @param eventId the same on every node for this report of this PBX (the PBX's identity, its
     *                number for the report and the kind of call event), or {@code null} where the
     *                PBX does not number its reports or the event is the adapter's own conclusion
     *                (a resynchronisation, a lost connection): then each node delivers its own copy
     */
    void onCallEvent(CallEvent event, String eventId);
}
