package org.calldesk.infrastructure.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.infrastructure.kit.AfterCommit;

/**
 * Routes a service once the transaction that made routing worth trying has committed
 * ({@link AfterCommit}): the service goes to {@link RoutingWorker} on another thread.
 * If the transaction rolls back nothing happens; if the worker's attempt is lost, the
 * {@link RoutingScheduler}'s scan catches up.
 */
@ApplicationScoped
public class AfterCommitRoutingTrigger implements RoutingTrigger {

    @Inject
    AfterCommit afterCommit;

    @Inject
    RoutingWorker worker;

    @Inject
    RoutingDemand demand;

    @Override
    public void routeSoon(String serviceId) {
        afterCommit.run(() -> committed(serviceId));
    }

    /**
     * Starts a routing thread unless one of this instance routes already (it then takes this
     * service too). Only the asynchronous method is called here (see {@link AfterCommit}).
     */
    private void committed(String serviceId) {
        if (demand.request(serviceId)) {
            try {
                worker.routeLaterWhileWanted();
            } catch (RuntimeException e) {
                demand.abandon();
                throw e;
            }
        }
    }
}
