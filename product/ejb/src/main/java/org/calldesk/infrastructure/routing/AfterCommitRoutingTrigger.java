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

    @Inject
    RoutingDemand demand;

    @Override
    public void routeSoon(String serviceId) {
        wanted.fire(new RoutingWanted(serviceId));
    }

    /**
     * Starts a routing thread unless one of this instance routes already (it then takes this
     * service too). Only the asynchronous method is called here: a synchronous business
     * method called while the transaction completes makes the container resume that transaction
     * afterwards, which fails.
     */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingWanted routing) {
        if (demand.request(routing.serviceId())) {
            try {
                worker.routeLaterWhileWanted();
            } catch (RuntimeException e) {
                demand.abandon();
                throw e;
            }
        }
    }
}
