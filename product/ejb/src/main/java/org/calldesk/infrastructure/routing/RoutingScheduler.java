package org.calldesk.infrastructure.routing;

import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.RoutingService;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;

/**
 * Every second: takes back offers not confirmed within their service's offer timeout (the call
 * goes to the next agent, the agent to Rest), then routes every service with waiting calls, so
 * nothing waits for ever if a trigger was lost. A non-persistent timer: each application
 * instance runs its own, and concurrent instances are kept apart by the database.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingScheduler {

    private static final Logger LOG = Logger.getLogger(RoutingScheduler.class.getName());

    @Inject
    RoutingService routing;

    @Inject
    RoutingWorker worker;

    @Inject
    DatabaseMigration migration;

    Clock clock = Clock.systemUTC();

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void scan() {
        if (migration.failure().isPresent()) {
            return;
        }
        try {
            for (String callId : routing.expiredOffers(clock.instant())) {
                try {
                    routing.expireOffer(callId);
                } catch (EJBException | RequestRefused e) {
                    LOG.log(Level.FINE, "offer of call {0} changed meanwhile: {1}", new Object[] {callId, e.getMessage()});
                }
            }
            routing.servicesWithWaitingCalls().forEach(worker::routeNow);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "routing scan failed: {0}", e.getMessage());
        }
    }
}
