package org.calldesk.infrastructure.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseWaitTest {

    private final AtomicBoolean schemaReady = new AtomicBoolean(true);
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final List<String> applied = new CopyOnWriteArrayList<>();
    /** Threads of their own, as the consumer's sessions (the common pool may have one thread only). */
    private final ExecutorService sessions = Executors.newCachedThreadPool();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** The time the waits slept, in place of sleeping it. */
    private final AtomicLong sleptMillis = new AtomicLong();
    private final DatabaseWait.Backoff simulated = new DatabaseWait.Backoff(Duration.ofMillis(250),
            Duration.ofSeconds(5), duration -> sleptMillis.addAndGet(duration.toMillis()));
    private final DatabaseWait wait = new DatabaseWait(schemaReady::get, reachable::get, stopping::get,
            simulated, new DatabaseWait.Line());

    @AfterEach
    void stopSessions() {
        sessions.shutdownNow();
    }

    @Test
    void nothingIsAppliedBeforeTheSchemaIsMigrated() {
        schemaReady.set(false);
        AtomicInteger looks = new AtomicInteger();
        DatabaseWait counting = new DatabaseWait(() -> {
            if (looks.incrementAndGet() == 20) {
                assertThat(applied).isEmpty();
                schemaReady.set(true);
            }
            return schemaReady.get();
        }, reachable::get, stopping::get, simulated, new DatabaseWait.Line());

        counting.run("event 1", () -> applied.add("event 1"));

        assertThat(applied).containsExactly("event 1");
        assertThat(looks).hasValue(20);
    }

    @Test
    void workThatFailsBecauseTheDatabaseIsAwayIsAppliedAgainInPlaceOnceItIsBack() {
        AtomicInteger attempts = new AtomicInteger();

        reachable.set(false);

        wait.run("event 1", () -> {
            if (attempts.incrementAndGet() == 3) {
                reachable.set(true);
            }
            if (!reachable.get()) {
                throw new IllegalStateException("connection refused");
            }
            applied.add("event 1");
        });

        assertThat(applied).containsExactly("event 1");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aFailureWhileTheDatabaseAnswersIsTheWorksOwnAndThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> wait.run("event 1", () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad event");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aDatabaseAwayForLongerThanTheBrokersRedeliveriesIsWaitedOutWithoutGivingTheWorkBack() {
        // once given up on after 2 min, the work went back to the broker, which dead-lettered it after
        // 6 (OpenMQ) or 10 (Artemis) such attempts: 14 or 20 minutes; here the database is away for an hour
        Duration outage = Duration.ofHours(1);
        reachable.set(false);
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger toldWaiting = new AtomicInteger();

        wait.run("event 1", () -> {
            attempts.incrementAndGet();
            if (sleptMillis.get() >= outage.toMillis()) {
                reachable.set(true);
            }
            if (!reachable.get()) {
                throw new IllegalStateException("connection refused");
            }
            applied.add("event 1");
        }, toldWaiting::incrementAndGet);

        assertThat(applied).containsExactly("event 1");
        assertThat(sleptMillis.get()).isGreaterThanOrEqualTo(outage.toMillis())
                .as("looks again at most 5 s after the database is back")
                .isLessThan(outage.plusSeconds(5).toMillis());
        // backed off: a look every 5 s, not every quarter second
        assertThat(attempts.get()).isBetween(720, 730);
        assertThat(toldWaiting.get()).isEqualTo(attempts.get() - 1);
    }

    @Test
    void aSchemaNotMigratedForHoursIsWaitedFor() {
        schemaReady.set(false);
        DatabaseWait migratedAfterThreeHours = new DatabaseWait(() -> {
            if (sleptMillis.get() >= Duration.ofHours(3).toMillis()) {
                schemaReady.set(true);
            }
            return schemaReady.get();
        }, reachable::get, stopping::get, simulated, new DatabaseWait.Line());

        migratedAfterThreeHours.run("event 1", () -> applied.add("event 1"));

        assertThat(applied).containsExactly("event 1");
    }

    @Test
    void theWaitEndsWhenTheApplicationStopsAndTheWorkIsNotApplied() {
        reachable.set(false);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> wait.run("event 1", () -> {
            if (attempts.incrementAndGet() == 3) {
                stopping.set(true); // undeployed while the database is away
            }
            throw new IllegalStateException("connection refused");
        })).isInstanceOf(DatabaseWait.Stopped.class).hasMessageContaining("the broker delivers it again");
        assertThat(attempts).hasValue(3);
        assertThat(applied).isEmpty();
    }

    @Test
    void theWaitEndsWhenItsThreadIsInterrupted() throws Exception {
        reachable.set(false);
        DatabaseWait sleeping = new DatabaseWait(schemaReady::get, reachable::get, stopping::get,
                DatabaseWait.Backoff.of(Duration.ofMinutes(1), Duration.ofMinutes(1)), new DatabaseWait.Line());
        CompletableFuture<Throwable> waiting = new CompletableFuture<>();
        Thread session = new Thread(() -> {
            try {
                sleeping.run("event 1", () -> {
                    throw new IllegalStateException("connection refused");
                });
                waiting.complete(null);
            } catch (RuntimeException e) {
                waiting.complete(e);
            }
        });
        session.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.getState() == Thread.State.TIMED_WAITING);

        session.interrupt();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(DatabaseWait.Stopped.class);
    }

    @Test
    void aWorkBehindAnotherInTheLineStopsWaitingForItsTurnWhenTheApplicationStops() throws Exception {
        DatabaseWait.Line line = new DatabaseWait.Line();
        reachable.set(false);
        DatabaseWait slow = new DatabaseWait(schemaReady::get, reachable::get, stopping::get,
                DatabaseWait.Backoff.of(Duration.ofMillis(20), Duration.ofMillis(20)), line);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> slow.run("call 1 arrived", () -> {
            throw new IllegalStateException("connection refused");
        }), sessions);
        await().atMost(Duration.ofSeconds(5)).until(() -> line.length() == 1);
        // the second one's turn comes only after the first, which waits for the database
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> slow.run("call 2 arrived", () -> {
            if (!reachable.get()) {
                throw new IllegalStateException("connection refused");
            }
            applied.add("call 2 arrived");
        }), sessions);
        await().atMost(Duration.ofSeconds(5)).until(() -> line.length() == 2);

        stopping.set(true);

        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(applied).isEmpty();
        assertThat(line.length()).isZero();
    }

    @Test
    void anEventThatCameWhileAnOtherWaitsForTheDatabaseIsAppliedAfterIt() throws Exception {
        DatabaseWait.Line line = new DatabaseWait.Line();
        // a long pause: the first event looks again well after the database is back
        DatabaseWait waiting = new DatabaseWait(schemaReady::get, reachable::get, stopping::get,
                DatabaseWait.Backoff.of(Duration.ofMillis(400), Duration.ofMillis(400)), line);
        reachable.set(false);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> waiting.run("call 1 arrived", () -> {
            if (!reachable.get()) {
                throw new IllegalStateException("connection refused");
            }
            applied.add("call 1 arrived");
        }), sessions);
        await().atMost(Duration.ofSeconds(5)).until(() -> line.length() == 1);

        reachable.set(true);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> waiting.run("call 2 arrived",
                () -> applied.add("call 2 arrived")), sessions);

        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(applied).containsExactly("call 1 arrived", "call 2 arrived");
        assertThat(line.length()).isZero();
    }

    @Test
    void onlyTheFirstInLinePausesTheOthersGoAsSoonAsTheOnesBeforeThemAreApplied() throws Exception {
        // once the database is back, each event behind the first used to sit out a pause of its own
        // before its turn: with pauses of 2 s, ten events waiting took 20 s to apply
        DatabaseWait.Line line = new DatabaseWait.Line();
        Set<String> paused = ConcurrentHashMap.newKeySet();
        DatabaseWait waiting = new DatabaseWait(schemaReady::get, reachable::get, stopping::get,
                new DatabaseWait.Backoff(Duration.ofMillis(20), Duration.ofMillis(20), duration -> {
                    paused.add(Thread.currentThread().getName());
                    Thread.sleep(duration.toMillis());
                }), line);
        int events = 4;
        CountDownLatch allBegun = new CountDownLatch(events);
        reachable.set(false);
        List<Thread> sessions = new ArrayList<>();
        for (int i = 1; i <= events; i++) {
            String event = "call " + i + " arrived";
            int before = i - 1;
            AtomicBoolean firstTry = new AtomicBoolean(true);
            Thread session = new Thread(() -> runRecordingFailure(waiting, event, () -> {
                if (firstTry.getAndSet(false)) {
                    // the database goes away while all of them are at work; they fail in the order they began
                    allBegun.countDown();
                    awaitQuietly(allBegun);
                    await().atMost(Duration.ofSeconds(5)).until(() -> line.length() >= before);
                    throw new IllegalStateException("connection refused");
                }
                if (!reachable.get()) {
                    throw new IllegalStateException("connection refused");
                }
                applied.add(event);
            }), event);
            sessions.add(session);
            session.start();
            long begun = events - i;
            await().atMost(Duration.ofSeconds(5)).until(() -> allBegun.getCount() == begun);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> line.length() == events);

        reachable.set(true);

        for (Thread session : sessions) {
            session.join(5000);
        }
        assertThat(failures).isEmpty();
        assertThat(applied).containsExactly("call 1 arrived", "call 2 arrived", "call 3 arrived", "call 4 arrived");
        assertThat(paused).as("only the first in line paused").containsExactly("call 1 arrived");
    }

    private final List<String> failures = new CopyOnWriteArrayList<>();

    private void runRecordingFailure(DatabaseWait waiting, String event, Runnable work) {
        try {
            waiting.run(event, work);
        } catch (RuntimeException e) {
            failures.add(event + ": " + e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eventsWaitingForTheDatabaseAreAppliedInTheOrderTheyCame() throws Exception {
        DatabaseWait.Line line = new DatabaseWait.Line();
        reachable.set(false);
        List<CompletableFuture<Void>> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String event = "call " + i + " arrived";
            // the later an event came, the sooner it would look again on its own
            Duration pause = Duration.ofMillis(500 - 80 * i);
            DatabaseWait waiting = new DatabaseWait(schemaReady::get, reachable::get, stopping::get,
                    DatabaseWait.Backoff.of(pause, pause), line);
            events.add(CompletableFuture.runAsync(() -> waiting.run(event, () -> {
                if (!reachable.get()) {
                    throw new IllegalStateException("connection refused");
                }
                applied.add(event);
            }), sessions));
            int waitingNow = i;
            await().atMost(Duration.ofSeconds(5)).until(() -> line.length() == waitingNow);
        }

        reachable.set(true);

        CompletableFuture.allOf(events.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(applied).containsExactly("call 1 arrived", "call 2 arrived", "call 3 arrived", "call 4 arrived",
                "call 5 arrived");
    }
}
