package org.calldesk.application;

import java.time.Instant;
import java.util.List;

/**
 * Inbound routing: each service's waiting calls, oldest first, go to its longest-idle Ready
 * agents. Offers not confirmed in time go back to the queue. Several application instances may
 * route over one database at once: an agent or call that another transaction changed meanwhile
 * makes this one fail and change nothing.
 */
public interface RoutingService {

    /** @return whether a call was offered (false: no waiting call or no Ready agent) */
    boolean offerNextCall(String serviceId);

    /**
     * Offers up to {@code max} waiting calls in one transaction, the oldest to the longest-idle
     * Ready agent, the next to the next: what as many {@link #offerNextCall} in a row would do,
     * for the price of one commit.
     *
     * @return how many calls were offered (fewer than {@code max}: no more waiting calls or Ready agents)
     */
    int offerWaitingCalls(String serviceId, int max);

    List<String> servicesWithWaitingCalls();

    /** The ids of offered calls whose time to Confirm has run out. */
    List<String> expiredOffers(Instant now);

    /** Take back an offer whose time has run out; its agent goes to Rest. Harmless if it was confirmed meanwhile. */
    void expireOffer(String callId);
}
