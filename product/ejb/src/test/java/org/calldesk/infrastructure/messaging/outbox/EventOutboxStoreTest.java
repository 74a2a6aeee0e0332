package org.calldesk.infrastructure.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.calldesk.infrastructure.persistence.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The events outbox on a real database (H2 and PostgreSQL): an event is kept exactly if its
 * transaction committed, and published events are deleted once however many instances forget
 * them at the same moment.
 */
class EventOutboxStoreTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anEventIsKeptExactlyIfItsTransactionCommitted(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            OutboxEvent kept = inTransaction(emf, em -> new EventOutboxStore(em).record(event("call-1", AT)));
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            new EventOutboxStore(em).record(event("call-2", AT));
            em.getTransaction().rollback();
            em.close();

            List<OutboxEvent> waiting = inTransaction(emf, e -> new EventOutboxStore(e).writtenBefore(AT.plusSeconds(1), 10));
            assertThat(waiting).extracting(OutboxEvent::id).containsExactly(kept.id());
            assertThat(waiting.get(0).body()).isEqualTo("{\"subject\":\"call-1\"}");
            assertThat(waiting.get(0).properties()).containsEntry("type", "call").containsEntry("subjectId", "call-1")
                    .containsEntry("eventType", "call.waiting").containsEntry("JMSXGroupID", "call:call-1");
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSweepTakesWhatWasLeftLongEnoughOldestFirst(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            OutboxEvent second = inTransaction(emf, em -> new EventOutboxStore(em).record(event("call-2", AT.plusSeconds(2))));
            OutboxEvent first = inTransaction(emf, em -> new EventOutboxStore(em).record(event("call-1", AT)));
            inTransaction(emf, em -> new EventOutboxStore(em).record(event("call-3", AT.plusSeconds(20))));

            List<OutboxEvent> left = inTransaction(emf, em -> new EventOutboxStore(em).writtenBefore(AT.plusSeconds(10), 10));

            assertThat(left).extracting(OutboxEvent::id).containsExactly(first.id(), second.id());
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoInstancesForgettingTheSameEventsAtOnceDeleteEachRowOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            List<OutboxEvent> events = recordEvents(emf, 7);
            List<OutboxEvent> relayed = events.subList(0, 5);
            List<OutboxEvent> swept = events.subList(2, 7);

            // the relay deletes its rows and holds them, uncommitted, while another instance's sweep deletes too
            EntityManager relay = emf.createEntityManager();
            relay.getTransaction().begin();
            int forgottenByRelay = new EventOutboxStore(relay).forget(relayed);
            CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(
                    () -> inTransaction(emf, em -> new EventOutboxStore(em).forget(swept)));
            awaitABlockedTransaction(db);
            relay.getTransaction().commit();
            relay.close();
            int forgottenBySweep = sweep.get(30, TimeUnit.SECONDS);

            assertThat(forgottenByRelay).isEqualTo(5);
            assertThat(forgottenBySweep).as("only the two rows the relay did not have").isEqualTo(2);
            long waiting = inTransaction(emf, em -> new EventOutboxStore(em).waiting());
            assertThat(waiting).isZero();
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eventsForgottenOnceAreGoneForTheSweep(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            List<OutboxEvent> events = recordEvents(emf, 3);
            int first = inTransaction(emf, em -> new EventOutboxStore(em).forget(events.subList(0, 2)));
            int again = inTransaction(emf, em -> new EventOutboxStore(em).forget(events.subList(0, 2)));

            assertThat(first).isEqualTo(2);
            assertThat(again).isZero();
            List<OutboxEvent> left = inTransaction(emf, em -> new EventOutboxStore(em).writtenBefore(AT.plusSeconds(1), 10));
            assertThat(left).extracting(OutboxEvent::id).containsExactly(events.get(2).id());
            emf.close();
        }
    }

    @org.junit.jupiter.api.Test
    void eachEventCarriesItsOwnDuplicateDetectionIdSoASecondCopyIsDropped() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            OutboxEvent first = inTransaction(emf, em -> new EventOutboxStore(em).record(event("call-1", AT)));
            OutboxEvent second = inTransaction(emf, em -> new EventOutboxStore(em).record(event("call-1", AT)));
            assertThat(first.properties().get(org.calldesk.infrastructure.messaging.jms.JmsSender.DUPLICATE_ID)).isEqualTo("calldesk-event-" + first.id())
                    .isNotEqualTo(second.properties().get(org.calldesk.infrastructure.messaging.jms.JmsSender.DUPLICATE_ID));
            emf.close();
        }
    }

    /** Waits until the database reports a transaction waiting for a row lock (the sweep for the relay's). */
    private static void awaitABlockedTransaction(TestDatabase db) throws Exception {
        String blocked = db.kind() == TestDatabase.Kind.H2
                ? "select count(*) from information_schema.sessions where blocker_id is not null"
                : "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = db.connect()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = connection.createStatement().executeQuery(blocked)) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the second delete never waited for the first one's row locks");
    }

    /** Events of calls call-1 .. call-{@code count}, each committed in a transaction of its own. */
    private static List<OutboxEvent> recordEvents(EntityManagerFactory emf, int count) {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String subject = "call-" + i;
            events.add(inTransaction(emf, em -> new EventOutboxStore(em).record(event(subject, AT))));
        }
        return events;
    }

    private static OutboxEvent event(String subject, Instant at) {
        return new OutboxEvent("call", subject, "call.waiting", "{\"subject\":\"" + subject + "\"}", at);
    }

    private static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        return TestDatabase.computeInTransaction(emf, work);
    }
}
