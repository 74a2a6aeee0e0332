package org.calldesk.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calldesk.application.CallReconciler;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@link PbxCheck} in MicroProfile Health's {@code /health}, where the server reports the application's checks. */
@Readiness
@ApplicationScoped
public class PbxHealthCheck implements HealthCheck {

    @Inject
    PbxCheck check;

    public PbxHealthCheck() {
    }

    PbxHealthCheck(PbxConnectionFactory pbx, CallReconciler reconciler) {
        this.check = new PbxCheck(pbx, reconciler);
    }

    @Override
    public HealthCheckResponse call() {
        return MicroProfileHealth.response(check.check());
    }
}
