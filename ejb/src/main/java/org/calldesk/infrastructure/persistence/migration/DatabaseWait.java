package org.calldesk.infrastructure.persistence.migration;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a piece of database work once the database can take it, and again in place when it fails
 * because the database went away meanwhile.
 *
 * <p>Why wait in place rather than fail: the PBX events queue gives a failed message back to the
 * broker, which delivers it again later, after the messages behind it. During a database outage
 * every message fails, and they came back shuffled: waiting calls were recorded, and routed,
 * out of their order of arrival. On a fresh database the first events came before the schema
 * existed. Waiting where it stands, the consumer keeps the queue's order and applies nothing
 * before the schema is migrated. A failure while the database answers is the work's own and is
 * thrown at once; after {@code patience} of waiting the work is given up (thrown) too, so a
 * database that stays away does not hold a thread for ever.
 */
public final class DatabaseWait {

    private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());

    private final BooleanSupplier schemaReady;
    private final BooleanSupplier reachable;
    private final Duration pause;
    private final Duration patience;

    /**
     * @param schemaReady whether the schema is migrated (cheap: asked before every work)
     * @param reachable   whether the database answers now (asked only after a failure)
     * @param pause       how long to wait between two looks
     * @param patience    how long to wait in all before giving up
     */
    public DatabaseWait(BooleanSupplier schemaReady, BooleanSupplier reachable, Duration pause, Duration patience) {
        this.schemaReady = Objects.requireNonNull(schemaReady, "schemaReady is required");
        this.reachable = Objects.requireNonNull(reachable, "reachable is required");
        this.pause = Objects.requireNonNull(pause, "pause is required");
        this.patience = Objects.requireNonNull(patience, "patience is required");
    }

    /**
     * Runs the work when the schema is ready; runs it again while its failures come from the
     * database being away.
     *
     * @throws IllegalStateException when the database was not back within the patience, or the wait was interrupted
     * @throws RuntimeException      the work's own failure, while the database answers
     */
    public void run(String what, Runnable work) {
        Objects.requireNonNull(work, "work is required");
        long deadline = System.nanoTime() + patience.toNanos();
        boolean said = false;
        while (true) {
            if (!schemaReady.getAsBoolean()) {
                said = say(said, what, "the database schema is not migrated yet");
                pause(deadline, what);
                continue;
            }
            try {
                work.run();
                if (said) {
                    LOG.info(() -> "the database is back; applied " + what);
                }
                return;
            } catch (RuntimeException e) {
                if (reachable.getAsBoolean()) {
                    throw e;
                }
                said = say(said, what, "the database does not answer (" + e + ")");
                pause(deadline, what);
            }
        }
    }

    private static boolean say(boolean said, String what, String why) {
        LOG.log(said ? Level.FINE : Level.WARNING, "{0} waits: {1}; it is applied, in its order, once the database can take it",
                new Object[] {what, why});
        return true;
    }

    private void pause(long deadline, String what) {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("gave up waiting " + patience.toSeconds() + " s for the database to apply "
                    + what + "; the broker delivers it again later");
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database to apply " + what, e);
        }
    }
}
