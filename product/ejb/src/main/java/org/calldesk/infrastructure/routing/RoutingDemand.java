package org.calldesk.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.calldesk.infrastructure.kit.DrainLine;

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
 * kept apart by the database (versioned rows). The line itself is a {@link DrainLine}.
 */
@ApplicationScoped
public class RoutingDemand {

    private final DrainLine<String> wanted = DrainLine.distinct();

    /** Queues the service. @return whether the caller must start routing now (no thread does) */
    public boolean request(String serviceId) {
        return wanted.add(serviceId);
    }

    /**
     * The routing thread's next service, taken off the line; {@code null}: none is left and the
     * thread must stop (the next request starts another).
     */
    public String next() {
        List<String> next = wanted.take(1);
        return next.isEmpty() ? null : next.get(0);
    }

    /** The routing thread failed: the next request starts another (the scan catches up meanwhile). */
    public void abandon() {
        wanted.abandon();
    }

    /** Whether a service is in line (for tests and diagnostics). */
    boolean isWanted(String serviceId) {
        return wanted.contains(serviceId);
    }
}
