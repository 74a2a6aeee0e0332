package org.calldesk.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which services want routing on this application instance, and whether a thread routes them.
 *
 * <p>One thread at a time routes here, every service in turn. Two routing threads only race for
 * the same rows: two threads of one service for its oldest waiting call, and two threads of two
 * services for the same longest-idle agent (an agent usually serves several services, and each
 * service's routing picks the agent idle longest). One commits, the others roll back and try
 * again; under load most offer transactions were such losers. So a request while the thread runs
 * only queues the service, and the thread takes the services in the order they asked, one batch
 * each, a service whose batch was full going to the back of the line: services that share agents
 * get them in turn, and nothing asked for waits for the scan. Other application instances are
 * kept apart by the database (versioned rows).
 */
@ApplicationScoped
public class RoutingDemand {

    private final Set<String> wanted = new LinkedHashSet<>();

    private boolean routing;

    /** Queues the service. @return whether the caller must start routing now (no thread does) */
    public synchronized boolean request(String serviceId) {
        wanted.add(serviceId);
        if (routing) {
            return false;
        }
        routing = true;
        return true;
    }

    /**
     * The routing thread's next service, taken off the line; {@code null}: none is left and the
     * thread must stop (the next request starts another).
     */
    public synchronized String next() {
        Iterator<String> first = wanted.iterator();
        if (!first.hasNext()) {
            routing = false;
            return null;
        }
        String serviceId = first.next();
        first.remove();
        return serviceId;
    }

    /** The routing thread failed: the next request starts another (the scan catches up meanwhile). */
    public synchronized void abandon() {
        routing = false;
    }

    /** Whether a service is in line (for tests and diagnostics). */
    synchronized boolean isWanted(String serviceId) {
        return wanted.contains(serviceId);
    }
}
