package org.calldesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calldesk.application.CallReconciler;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;

/**
 * Ready when the PBX's events reach the application and a session for call control can be had.
 * The event session is asked first: pooled call-control sessions can stay logged in while it is
 * down, and then the application no longer learns what happens to its calls. Also says when the
 * reconciler last compared the calls with the PBX and what it repaired. Plain (no MicroProfile
 * Health), so that {@code /calldesk/health} runs it on every server; {@link PbxHealthCheck} reports it
 * to MicroProfile Health where the server has it.
 */
@ApplicationScoped
public class PbxCheck {

    private static final String FIX = "check calldesk.ami.host, calldesk.ami.port, calldesk.ami.username, calldesk.ami.secret";

    @Resource(lookup = "java:app/eis/PbxConnectionFactory")
    PbxConnectionFactory pbx;

    @Inject
    CallReconciler reconciler;

    public PbxCheck() {
    }

    PbxCheck(PbxConnectionFactory pbx, CallReconciler reconciler) {
        this.pbx = pbx;
        this.reconciler = reconciler;
    }

    /** The reconciler's last run and its repairs so far. */
    private void reconciled(CheckResult response) {
        CallReconciler.Status status = reconciler.status();
        response.with("reconcilerLastRun", status.lastRun().map(Object::toString).orElse("never"))
                .with("reconcilerLastOutcome", status.lastOutcome())
                .with("reconcilerCallsEnded", status.callsEnded())
                .with("reconcilerLegsHungUp", status.legsHungUp())
                .with("reconcilerCallersRecorded", status.callersRecorded())
                .with("reconcilerCallersRequeued", status.callersRequeued());
    }

    public CheckResult check() {
        var response = CheckResult.named("pbx");
        PbxEventLink events;
        try {
            events = pbx.eventLink();
        } catch (RuntimeException e) {
            return response.down().with("error", e.toString()).with("fix", FIX);
        }
        response.with("events", events.detail()).with("eventsWaiting", events.waiting());
        reconciled(response);
        if (!events.up()) {
            return response.down().with("error", events.detail()).with("fix", FIX);
        }
        try (PbxConnection connection = pbx.getConnection()) {
            return response.up();
        } catch (PbxException | RuntimeException e) {
            return response.down()
                    .with("error", e.getMessage() == null ? e.toString() : e.getMessage())
                    .with("fix", FIX)
                    ;
        }
    }
}
