package org.calldesk.infrastructure.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * transaction committed, and of two transactions that claim the same events (a node's relay and
 * another node's sweep) each event goes to exactly one.
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
    void twoTransactionsClaimingTheSameEventsAtOnceGetEachEventOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            List<OutboxEvent> events = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                String subject = "call-" + i;
                events.add(inTransaction(emf, em -> new EventOutboxStore(em).record(event(subject, AT))));
            }
            List<OutboxEvent> relayed = events.subList(0, 5);
            List<OutboxEvent> swept = events.subList(2, 7);

            // the relay deletes its rows and holds them, uncommitted, while the sweep claims
            EntityManager relay = emf.createEntityManager();
            relay.getTransaction().begin();
            List<OutboxEvent> claimedByRelay = new EventOutboxStore(relay).claim(relayed);
            CompletableFuture<List<OutboxEvent>> sweep = CompletableFuture.supplyAsync(
                    () -> inTransaction(emf, em -> new EventOutboxStore(em).claimEach(swept)));
            awaitABlockedTransaction(db);
            relay.getTransaction().commit();
            relay.close();
            List<OutboxEvent> claimedBySweep = sweep.get(30, TimeUnit.SECONDS);

            assertThat(claimedByRelay).extracting(OutboxEvent::id).containsExactlyElementsOf(ids(relayed));
            assertThat(claimedBySweep).extracting(OutboxEvent::id).containsExactly(events.get(5).id(), events.get(6).id());
            long waiting = inTransaction(emf, em -> new EventOutboxStore(em).waiting());
            assertThat(waiting).isZero();
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClaimOfAllAtOnceThatFindsSomeTakenRefusesSoItsTransactionRollsBack(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            List<OutboxEvent> events = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                String subject = "call-" + i;
                events.add(inTransaction(emf, em -> new EventOutboxStore(em).record(event(subject, AT))));
            }
            inTransaction(emf, em -> new EventOutboxStore(em).claim(events.subList(0, 2)));

            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            assertThatThrownBy(() -> new EventOutboxStore(em).claim(events))
                    .isInstanceOf(EventOutboxStore.ClaimConflict.class);
            em.getTransaction().rollback();
            em.close();

            List<OutboxEvent> claimed = inTransaction(emf, e -> new EventOutboxStore(e).claimEach(events));
            assertThat(claimed).extracting(OutboxEvent::id).containsExactly(events.get(2).id(), events.get(3).id());
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
        throw new AssertionError("the second claim never waited for the first one's row locks");
    }

    private static OutboxEvent event(String subject, Instant at) {
        return new OutboxEvent("call", subject, "call.waiting", "{\"subject\":\"" + subject + "\"}", at);
    }

    private static List<Long> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    private static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        return TestDatabase.computeInTransaction(emf, work);
    }
}
