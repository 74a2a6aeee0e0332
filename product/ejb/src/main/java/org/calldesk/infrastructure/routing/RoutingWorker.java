package org.calldesk.infrastructure.routing;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.RoutingService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Offers waiting calls to Ready agents until no service has both, in batches of
 * {@code calldesk.routing.batch-size} offers per transaction (the routing service's), on one
 * thread of this instance at a time, services in turn ({@link RoutingDemand}). A batch lost to a
 * concurrent change (another application instance took an agent or a call) is simply tried again
 * with fresh data.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingWorker {

    private static final Logger LOG = Logger.getLogger(RoutingWorker.class.getName());

    private static final int MAX_LOST_RACES = 5;

    @Inject
    RoutingService routing;

    /**
     * Offers per transaction; a batch that made them all is followed by another. One by default:
     * an offer transaction is short (the database alone), and a change of one of a batch's agents
     * or calls by another transaction sends the whole batch round again. A few may pay where
     * commits are dear (PostgreSQL with calls queueing up).
     */
    @Inject
    @ConfigProperty(name = "calldesk.routing.batch-size", defaultValue = "1")
    int batchSize = 1;

    @Inject
    RoutingDemand demand;

    /** Routes on this thread, unless a thread of this instance routes already (it then takes this service too). */
    public void routeNow(String serviceId) {
        if (demand.request(serviceId)) {
            routeWhileWanted();
        }
    }

    /**
     * Routes on another thread; only after a request {@link RoutingDemand#request} said to start
     * routing (see {@link AfterCommitRoutingTrigger}).
     */
    @Asynchronous
    public void routeLaterWhileWanted() {
        routeWhileWanted();
    }

    private void routeWhileWanted() {
        try {
            for (String serviceId = demand.next(); serviceId != null; serviceId = demand.next()) {
                if (route(serviceId)) {
                    demand.request(serviceId); // a whole batch: there may be more, after the other services
                }
            }
        } catch (RuntimeException | Error e) {
            demand.abandon();
            throw e;
        }
    }

    /** @return whether a whole batch was offered, so more may be possible */
    private boolean route(String serviceId) {
        for (int lost = 0; ; ) {
            try {
                int batch = Math.max(1, batchSize);
                return routing.offerWaitingCalls(serviceId, batch) == batch;
            } catch (EJBException | RequestRefused e) {
                if (++lost > MAX_LOST_RACES) {
                    LOG.log(Level.FINE, "routing of service {0} gives way to a concurrent router: {1}",
                            new Object[] {serviceId, e.getMessage()});
                    return false;
                }
            }
        }
    }
}
