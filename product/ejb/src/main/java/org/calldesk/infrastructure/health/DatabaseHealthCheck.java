package org.calldesk.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@link DatabaseCheck} in MicroProfile Health's {@code /health}, where the server reports the application's checks. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Inject
    DatabaseCheck check;

    @Override
    public HealthCheckResponse call() {
        return MicroProfileHealth.response(check.check());
    }
}
