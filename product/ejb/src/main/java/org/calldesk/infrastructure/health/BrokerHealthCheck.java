package org.calldesk.infrastructure.health;

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

    @Override
    public HealthCheckResponse call() {
        return MicroProfileHealth.response(check.check());
    }
}
