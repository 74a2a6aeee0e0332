package org.calldesk.infrastructure.health;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@link BrokerCheck} in MicroProfile Health's {@code /health}, where the server reports the application's checks. */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Inject
    BrokerCheck check;

    public BrokerHealthCheck() {
    }

    BrokerHealthCheck(ConnectionFactory connectionFactory, Queue queue, ExecutorService executor, Clock clock) {
        this.check = new BrokerCheck(connectionFactory, queue, executor, clock);
    }

    BrokerHealthCheck(BrokerCheck check) {
        this.check = check;
    }

    /**
     * DOWN, not an exception, while the application's beans are not up yet: the server asks
     * {@code /health} from the start, and before the container has initialized {@link BrokerCheck}
     * a call into it fails ("Attempt to invoke when container is in Initializing"), which the
     * server logged as SEVERE with the whole stack at every start-up.
     */
    @Override
    public HealthCheckResponse call() {
        try {
            return MicroProfileHealth.response(check.check());
        } catch (EJBException e) {
            return MicroProfileHealth.response(CheckResult.named("broker").down()
                    .with("error", "the application is not up yet: " + e.getMessage()));
        }
    }
}
