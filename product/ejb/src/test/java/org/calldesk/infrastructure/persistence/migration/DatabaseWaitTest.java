package org.calldesk.infrastructure.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseWaitTest {

    private final AtomicBoolean schemaReady = new AtomicBoolean(true);
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final List<String> applied = new CopyOnWriteArrayList<>();
    /** Threads of their own, as the consumer's sessions (the common pool may have one thread only). */
    private final ExecutorService sessions = Executors.newCachedThreadPool();
    private final DatabaseWait wait = new DatabaseWait(schemaReady::get, reachable::get, Duration.ofMillis(5),
            Duration.ofSeconds(5));

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
        }, reachable::get, Duration.ofMillis(1), Duration.ofSeconds(5));

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
    void aDatabaseThatStaysAwayIsGivenUpAfterThePatience() {
        reachable.set(false);
        DatabaseWait impatient = new DatabaseWait(schemaReady::get, reachable::get, Duration.ofMillis(5),
                Duration.ofMillis(50));

        assertThatThrownBy(() -> impatient.run("event 1", () -> {
            throw new IllegalStateException("connection refused");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("gave up waiting");
    }

    @Test
    void anEventThatCameWhileAnOtherWaitsForTheDatabaseIsAppliedAfterIt() throws Exception {
        DatabaseWait.Line line = new DatabaseWait.Line();
        // a long pause: the first event looks again well after the database is back
        DatabaseWait waiting = new DatabaseWait(schemaReady::get, reachable::get, Duration.ofMillis(400),
                Duration.ofSeconds(5), line);
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
    void eventsWaitingForTheDatabaseAreAppliedInTheOrderTheyCame() throws Exception {
        DatabaseWait.Line line = new DatabaseWait.Line();
        reachable.set(false);
        List<CompletableFuture<Void>> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String event = "call " + i + " arrived";
            // the later an event came, the sooner it would look again on its own
            DatabaseWait waiting = new DatabaseWait(schemaReady::get, reachable::get, Duration.ofMillis(500 - 80 * i),
                    Duration.ofSeconds(5), line);
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
