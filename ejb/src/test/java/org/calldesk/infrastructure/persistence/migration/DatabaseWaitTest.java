package org.calldesk.infrastructure.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DatabaseWaitTest {

    private final AtomicBoolean schemaReady = new AtomicBoolean(true);
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final DatabaseWait wait = new DatabaseWait(schemaReady::get, reachable::get, Duration.ofMillis(5),
            Duration.ofSeconds(5));

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
}
