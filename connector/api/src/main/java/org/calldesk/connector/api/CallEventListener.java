package org.calldesk.connector.api;

/**
 * The message listener interface of the PBX resource adapter: a message-driven bean that
 * implements it receives every {@link CallEvent}, one at a time, on a container thread.
 *
 * <p>An implementation should hand the event on to durable storage (a queue) and return; if it
 * throws, the adapter logs the failure and the event is reported again only by a later
 * resynchronisation.
 */
public interface CallEventListener {

    void onCallEvent(CallEvent event);
}
