package org.calldesk.infrastructure.pbx;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.calldesk.application.CallReconciler;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;

/**
 * Runs the reconciler every five seconds, and at once after each login of the PBX adapter (when
 * its channel listing comes in). A non-persistent timer: every application node compares on its
 * own; the repairs are idempotent (a call ends once, a channel hangs up once).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconcilerScheduler {

    @Inject
    CallReconciler reconciler;

    @Inject
    DatabaseMigration migration;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void everyFewSeconds() {
        if (migration.failure().isEmpty()) {
            reconciler.reconcile();
        }
    }

    /** After a login of the adapter: compare now rather than at the next tick. */
    @Asynchronous
    public void soon() {
        everyFewSeconds();
    }
}
