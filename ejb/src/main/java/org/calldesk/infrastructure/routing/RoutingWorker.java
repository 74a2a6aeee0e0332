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

/**
 * Offers a service's waiting calls until no call or no Ready agent is left, each offer in its
 * own transaction (the routing service's). An offer lost to a concurrent one (another thread
 * or application instance took the agent or the call) is simply tried again with fresh data.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingWorker {

    private static final Logger LOG = Logger.getLogger(RoutingWorker.class.getName());

    /** More than enough for the calls one trigger can make routable; the scan takes the rest. */
    private static final int MAX_OFFERS = 50;
    private static final int MAX_LOST_RACES = 5;

    @Inject
    RoutingService routing;

    @Asynchronous
    public void routeLater(String serviceId) {
        route(serviceId);
    }

    public void route(String serviceId) {
        int lost = 0;
        for (int offers = 0; offers < MAX_OFFERS; ) {
            try {
                if (!routing.offerNextCall(serviceId)) {
                    return;
                }
                offers++;
            } catch (EJBException | RequestRefused e) {
                if (++lost > MAX_LOST_RACES) {
                    LOG.log(Level.FINE, "routing of service {0} gives way to a concurrent router: {1}",
                            new Object[] {serviceId, e.getMessage()});
                    return;
                }
            }
        }
    }
}
