package org.calldesk.infrastructure.persistence.migration;

import java.time.Duration;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>The works of one consumer share a {@link Line}: a work that failed because the database is
 * away, and every work begun while such a one waits, is applied in the order the works began,
 * one after the other, once the database is back. Each waiting on its own, they resumed at
 * whatever point of their pause they stood, and events that came after the outage went first:
 * a call recorded late was overtaken by one that reached the PBX after it.
 */
public final class DatabaseWait {

    private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());

    private final BooleanSupplier schemaReady;
    private final BooleanSupplier reachable;
    private final Duration pause;
    private final Duration patience;
    private final Line line;

    /**
     * @param schemaReady whether the schema is migrated (cheap: asked before every work)
     * @param reachable   whether the database answers now (asked only after a failure)
     * @param pause       how long to wait between two looks
     * @param patience    how long to wait in all before giving up
     */
    public DatabaseWait(BooleanSupplier schemaReady, BooleanSupplier reachable, Duration pause, Duration patience) {
        this(schemaReady, reachable, pause, patience, new Line());
    }

    /**
     * @param line the line shared by the works whose order counts (those of one queue's consumer)
     * @see #DatabaseWait(BooleanSupplier, BooleanSupplier, Duration, Duration)
     */
    public DatabaseWait(BooleanSupplier schemaReady, BooleanSupplier reachable, Duration pause, Duration patience,
                        Line line) {
        this.line = Objects.requireNonNull(line, "line is required");
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
        long ticket = line.ticket();
        boolean said = false;
        try {
            while (true) {
                if (!schemaReady.getAsBoolean()) {
                    said = say(said, what, "the database schema is not migrated yet");
                    pause(deadline, what);
                    continue;
                }
                if (!line.awaitTurn(ticket, deadline)) {
                    throw gaveUp(what);
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
                    line.join(ticket);
                    said = say(said, what, "the database does not answer (" + e + ")");
                    pause(deadline, what);
                }
            }
        } finally {
            line.leave(ticket);
        }
    }

    private static boolean say(boolean said, String what, String why) {
        LOG.log(said ? Level.FINE : Level.WARNING, "{0} waits: {1}; it is applied, in its order, once the database can take it",
                new Object[] {what, why});
        return true;
    }

    private void pause(long deadline, String what) {
        if (System.nanoTime() - deadline > 0) {
            throw gaveUp(what);
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database to apply " + what, e);
        }
    }

    private IllegalStateException gaveUp(String what) {
        return new IllegalStateException("gave up waiting " + patience.toSeconds() + " s for the database to apply "
                + what + "; the broker delivers it again later");
    }

    /**
     * The works of one consumer waiting for the database, by the order they began: while one
     * waits, those begun after it wait behind it, and once the database is back they go one at a
     * time. With nobody waiting, works run side by side as they come.
     */
    public static final class Line {

        private final AtomicLong begun = new AtomicLong();
        private final TreeSet<Long> waiting = new TreeSet<>();

        long ticket() {
            return begun.incrementAndGet();
        }

        /** Waits until no work begun before this one waits (this one joins the line meanwhile); false after the deadline. */
        synchronized boolean awaitTurn(long ticket, long deadline) {
            if (waiting.isEmpty() || waiting.first() >= ticket) {
                return true;
            }
            waiting.add(ticket);
            try {
                while (waiting.first() < ticket) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the works before it", e);
            }
        }

        synchronized void join(long ticket) {
            waiting.add(ticket);
        }

        synchronized void leave(long ticket) {
            if (waiting.remove(ticket)) {
                notifyAll();
            }
        }

        /** How many works wait. */
        synchronized int length() {
            return waiting.size();
        }
    }
}
