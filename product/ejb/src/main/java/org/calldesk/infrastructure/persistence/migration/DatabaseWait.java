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
 * because the database went away meanwhile, for as long as the database stays away.
 *
 * <p>Why wait in place rather than fail: the PBX events queue gives a failed message back to the
 * broker, which delivers it again later, after the messages behind it. During a database outage
 * every message fails, and they came back shuffled: waiting calls were recorded, and routed,
 * out of their order of arrival. On a fresh database the first events came before the schema
 * existed. Waiting where it stands, the consumer keeps the queue's order and applies nothing
 * before the schema is migrated. A failure while the database answers is the work's own and is
 * thrown at once.
 *
 * <p>Why without a time limit: every failure handed back to the broker counts as a delivery
 * attempt, and the full servers' JMS providers move a message to their dead-letter queue after a
 * few (OpenMQ 6, WildFly's Artemis 10). Giving up after a while lost the PBX events of a database
 * outage longer than those attempts together. So the work gives up only when the application
 * stops ({@code stopping}, or the thread is interrupted): then it throws, the message stays
 * unacknowledged, and the broker delivers it again to the next node or start. The first work in
 * the line looks again after pauses from {@link Backoff#first()} to {@link Backoff#longest()}; the
 * works behind it wait for their turn, which comes as soon as the ones before them are applied.
 *
 * <p>The works of one consumer share a {@link Line}: a work that failed because the database is
 * away, and every work begun while such a one waits, is applied in the order the works began,
 * one after the other, once the database is back. Each waiting on its own, they resumed at
 * whatever point of their pause they stood, and events that came after the outage went first:
 * a call recorded late was overtaken by one that reached the PBX after it.
 */
public final class DatabaseWait {

    private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());

    /** How long a work behind others waits for its turn between two looks at {@code stopping}. */
    private static final long TURN_SLICE_MILLIS = 250;

    private final BooleanSupplier schemaReady;
    private final BooleanSupplier reachable;
    private final BooleanSupplier stopping;
    private final Backoff backoff;
    private final Line line;

    /**
     * @param schemaReady whether the schema is migrated (cheap: asked before every work)
     * @param reachable   whether the database answers now (asked only after a failure)
     * @param stopping    whether the application stops (asked at every look): the wait then ends
     * @param backoff     how long to wait between two looks
     * @param line        the line shared by the works whose order counts (those of one queue's consumer)
     */
    public DatabaseWait(BooleanSupplier schemaReady, BooleanSupplier reachable, BooleanSupplier stopping,
                        Backoff backoff, Line line) {
        this.schemaReady = Objects.requireNonNull(schemaReady, "schemaReady is required");
        this.reachable = Objects.requireNonNull(reachable, "reachable is required");
        this.stopping = Objects.requireNonNull(stopping, "stopping is required");
        this.backoff = Objects.requireNonNull(backoff, "backoff is required");
        this.line = Objects.requireNonNull(line, "line is required");
    }

    /** As {@link #run(String, Runnable, Runnable)}, telling nobody of the wait. */
    public void run(String what, Runnable work) {
        run(what, work, () -> { });
    }

    /**
     * Runs the work when the schema is ready; runs it again while its failures come from the
     * database being away, however long that lasts.
     *
     * @param waiting told at every look while the work waits for the database
     * @throws Stopped          when the application stops (or the thread is interrupted) before the work was applied
     * @throws RuntimeException the work's own failure, while the database answers
     */
    public void run(String what, Runnable work, Runnable waiting) {
        Objects.requireNonNull(work, "work is required");
        Objects.requireNonNull(waiting, "waiting is required");
        long ticket = line.ticket();
        boolean said = false;
        Duration pause = backoff.first();
        try {
            while (true) {
                if (!schemaReady.getAsBoolean()) {
                    said = say(said, what, "the database schema is not migrated yet");
                    waiting.run();
                    pause = pause(pause, what);
                    continue;
                }
                line.awaitTurn(ticket, () -> stopsNow(what));
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
                    waiting.run();
                    if (line.isFirst(ticket)) {
                        pause = pause(pause, what);
                    } // else its turn comes as soon as those before it are applied, not after a pause of its own
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

    /** Pauses, unless the application stops; returns the next pause. */
    private Duration pause(Duration pause, String what) {
        stopsNow(what);
        try {
            backoff.sleeper().sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(what);
        }
        stopsNow(what);
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(backoff.longest()) > 0 ? backoff.longest() : doubled;
    }

    private void stopsNow(String what) {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw stopped(what);
        }
    }

    private static Stopped stopped(String what) {
        return new Stopped("the application stops: " + what + " is not applied here; the broker delivers it again");
    }

    /** The wait ended because the application stops: the work was not applied. */
    public static final class Stopped extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message);
        }
    }

    /** Sleeps for a while: {@link Thread#sleep} but in tests. */
    @FunctionalInterface
    public interface Sleeper {

        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * The pauses between two looks at the database: {@code first}, then twice as long each time,
     * up to {@code longest}.
     */
    public record Backoff(Duration first, Duration longest, Sleeper sleeper) {

        public Backoff {
            Objects.requireNonNull(first, "first is required");
            Objects.requireNonNull(longest, "longest is required");
            Objects.requireNonNull(sleeper, "sleeper is required");
            if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
                throw new IllegalArgumentException("pauses from " + first + " up to " + longest);
            }
        }

        /** Pauses of the thread itself. */
        public static Backoff of(Duration first, Duration longest) {
            return new Backoff(first, longest, duration -> Thread.sleep(duration.toMillis()));
        }
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

        /**
         * Waits until no work begun before this one waits (this one joins the line meanwhile);
         * asks {@code stopsNow} between two looks, which throws to end the wait.
         */
        synchronized void awaitTurn(long ticket, Runnable stopsNow) {
            if (waiting.isEmpty() || waiting.first() >= ticket) {
                return;
            }
            waiting.add(ticket);
            try {
                while (waiting.first() < ticket) {
                    stopsNow.run();
                    wait(TURN_SLICE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopsNow.run();
                throw new IllegalStateException("interrupted while waiting for the works before it", e);
            }
        }

        /** Whether no work begun before this one waits. */
        synchronized boolean isFirst(long ticket) {
            return waiting.isEmpty() || waiting.first() >= ticket;
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
