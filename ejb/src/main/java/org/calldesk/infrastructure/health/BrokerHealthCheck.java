package org.calldesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.calldesk.infrastructure.messaging.jms.JmsResources;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a connection to the message broker can be had. */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Resource(lookup = JmsResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("broker");
        try (Connection connection = connectionFactory.createConnection()) {
            return response.up().build();
        } catch (JMSException | RuntimeException e) {
            return response.down()
                    .withData("error", "cannot connect to the message broker: " + e.getMessage())
                    .withData("fix", SettingsToFix.BROKER)
                    .build();
        }
    }
}
