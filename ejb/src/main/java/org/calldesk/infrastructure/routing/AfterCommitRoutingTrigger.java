package org.calldesk.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.calldesk.application.RoutingTrigger;

/**
 * Routes a service once the transaction that made routing worth trying has committed: a CDI
 * event observed after success hands the service to {@link RoutingWorker} on another thread.
 * If the transaction rolls back nothing happens; if the worker's attempt is lost, the
 * {@link RoutingScheduler}'s scan catches up.
 */
@ApplicationScoped
public class AfterCommitRoutingTrigger implements RoutingTrigger {

    /** A service whose waiting calls and Ready agents may now meet. */
    public record RoutingWanted(String serviceId) {
    }

    @Inject
    Event<RoutingWanted> wanted;

    @Inject
    RoutingWorker worker;

    @Override
    public void routeSoon(String serviceId) {
        wanted.fire(new RoutingWanted(serviceId));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingWanted routing) {
        worker.routeSoon(routing.serviceId());
    }
}
