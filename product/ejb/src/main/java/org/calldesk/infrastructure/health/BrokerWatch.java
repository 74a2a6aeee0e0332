package org.calldesk.infrastructure.health;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Says in the log when the message broker cannot be reached, and when it answers again, whether
 * or not anyone asks {@code /health}: every ten seconds the {@link BrokerCheck} probe runs, and a
 * change of its answer is logged once (SEVERE with the error and the settings to fix, then INFO).
 * DOWN counts after two answers in a row, so one slow probe on a busy machine is no alarm.
 * While the broker is away the PBX adapter keeps the PBX's events and delivers them once it is
 * back, so the message says that too.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokerWatch {

    private static final Logger LOG = Logger.getLogger(BrokerWatch.class.getName());

    @Inject
    BrokerCheck broker;

    private Supplier<CheckResult> check;
    /** Guarded by the singleton's write lock: DOWN answers in a row, and whether the outage was logged. */
    private int downInARow;
    private boolean saidDown;

    public BrokerWatch() {
    }

    BrokerWatch(Supplier<CheckResult> check) {
        this.check = check;
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void everyTenSeconds() {
        look();
    }

    /** Runs the probe; logs if its answer changed. */
    void look() {
        CheckResult result = check == null ? broker.check() : check.get();
        if (result.isUp()) {
            if (saidDown) {
                LOG.info("the message broker answers again; the PBX events that waited are being delivered");
            }
            downInARow = 0;
            saidDown = false;
        } else if (++downInARow >= 2 && !saidDown) {
            saidDown = true;
            LOG.severe(() -> "the message broker cannot be reached (" + result.data().get("error")
                    + "); PBX events wait in the PBX adapter until it can, none is dropped; "
                    + result.data().get("fix"));
        }
    }
}
