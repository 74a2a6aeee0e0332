package org.calldesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calldesk.application.CallReconciler;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the PBX's events reach the application and a session for call control can be had.
 * The event session is asked first: pooled call-control sessions can stay logged in while it is
 * down, and then the application no longer learns what happens to its calls. Also says when the
 * reconciler last compared the calls with the PBX and what it repaired.
 */
@Readiness
@ApplicationScoped
public class PbxHealthCheck implements HealthCheck {

    private static final String FIX = "check calldesk.ami.host, calldesk.ami.port, calldesk.ami.username, calldesk.ami.secret";

    @Resource(lookup = "java:app/eis/PbxConnectionFactory")
    PbxConnectionFactory pbx;

    @Inject
    CallReconciler reconciler;

    public PbxHealthCheck() {
    }

    PbxHealthCheck(PbxConnectionFactory pbx, CallReconciler reconciler) {
        this.pbx = pbx;
        this.reconciler = reconciler;
    }

    /** The reconciler's last run and its repairs so far. */
    private void reconciled(HealthCheckResponseBuilder response) {
        CallReconciler.Status status = reconciler.status();
        response.withData("reconcilerLastRun", status.lastRun().map(Object::toString).orElse("never"))
                .withData("reconcilerLastOutcome", status.lastOutcome())
                .withData("reconcilerCallsEnded", status.callsEnded())
                .withData("reconcilerLegsHungUp", status.legsHungUp())
                .withData("reconcilerCallersRecorded", status.callersRecorded());
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("pbx");
        PbxEventLink events;
        try {
            events = pbx.eventLink();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.toString()).withData("fix", FIX).build();
        }
        response.withData("events", events.detail()).withData("eventsWaiting", events.waiting());
        reconciled(response);
        if (!events.up()) {
            return response.down().withData("error", events.detail()).withData("fix", FIX).build();
        }
        try (PbxConnection connection = pbx.getConnection()) {
            return response.up().build();
        } catch (PbxException | RuntimeException e) {
            return response.down()
                    .withData("error", e.getMessage() == null ? e.toString() : e.getMessage())
                    .withData("fix", FIX)
                    .build();
        }
    }
}
