package org.calldesk.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who routes a service on this application instance, and whether it must go round once more.
 *
 * <p>Two threads routing the same service only race for the same oldest waiting call and the
 * same longest-idle agent: one commits, the others roll back and try again, and under load
 * (every arrival and every agent back to Ready asks for routing) most offer transactions were
 * such losers. So one thread at a time routes a service here; a request that comes while it
 * runs is counted, and the routing thread goes round again until it has served every request
 * it was given, so nothing asked for waits for the scan. Other application instances are kept
 * apart by the database as before (versioned rows).
 */
@ApplicationScoped
public class RoutingDemand {

    private final ConcurrentMap<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    /** Counts a request. @return whether the caller must route the service now (nobody does) */
    public boolean request(String serviceId) {
        return counter(serviceId).getAndIncrement() == 0;
    }

    /** The requests so far; the routing thread reads this before each round. */
    public int pending(String serviceId) {
        return counter(serviceId).get();
    }

    /**
     * After a round that began when {@code served} requests were pending.
     *
     * @return whether that served them all (the thread stops); false: more came, route again
     */
    public boolean served(String serviceId, int served) {
        return counter(serviceId).addAndGet(-served) == 0;
    }

    /** A routing thread failed: the next request starts a new one (the scan catches up meanwhile). */
    public void abandon(String serviceId) {
        counter(serviceId).set(0);
    }

    private AtomicInteger counter(String serviceId) {
        return requests.computeIfAbsent(serviceId, id -> new AtomicInteger());
    }
}
