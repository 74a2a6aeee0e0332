package org.calldesk.infrastructure.crm;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.infrastructure.persistence.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CRM outbox on a real database (H2 and PostgreSQL): ticket changes reach the CRM in the
 * order they were made, each with its own idempotency key, after the CRM was down and after the
 * application restarted in between.
 */
class CrmOutboxTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void changesMadeWhileTheCrmIsDownReachItInOrderAfterARestart(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Ticket first = Ticket.forCall("support", "call-1", "0101", "agent1", AT);
            Ticket second = Ticket.forCall("support", "call-2", "0102", "agent2", AT);
            List<String> made = new ArrayList<>();
            EntityManagerFactory before = db.entityManagerFactory();
            record(before, first, made, AT);
            record(before, second, made, AT);
            first.comment("agent1", "wants a callback", AT.plusSeconds(1));
            record(before, first, made, AT.plusSeconds(1));
            second.resolve("agent2", AT.plusSeconds(2));
            record(before, second, made, AT.plusSeconds(2));
            first.resolve("agent1", AT.plusSeconds(3));
            record(before, first, made, AT.plusSeconds(3));

            FakeCrm crm = new FakeCrm();
            crm.up = false;
            assertThat(deliverNext(before, crm, AT.plusSeconds(4)))
                    .isEqualTo(CrmOutbox.Step.FAILED);
            assertThat(deliverNext(before, crm, AT.plusSeconds(4)))
                    .as("the head of the line waits for its retry, and the rest behind it")
                    .isEqualTo(CrmOutbox.Step.NOTHING_DUE);
            before.close(); // the application stops with the CRM still down

            EntityManagerFactory after = db.entityManagerFactory();
            crm.up = true;
            Instant later = AT.plusSeconds(60);
            while (deliverNext(after, crm, later) == CrmOutbox.Step.DELIVERED) {
                // deliver all that waited
            }

            assertThat(crm.received).containsExactlyElementsOf(made);
            assertThat(made).containsExactly(
                    "calldesk-ticket-" + first.id() + "-1", "calldesk-ticket-" + second.id() + "-1",
                    "calldesk-ticket-" + first.id() + "-2", "calldesk-ticket-" + second.id() + "-2",
                    "calldesk-ticket-" + first.id() + "-3");
            List<CrmOutboxMessage> pending = inTransaction(after, em -> new CrmOutbox(em).pending(10));
            assertThat(pending).isEmpty();
            after.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangeTheCrmRefusesForGoodIsKeptWithTheReasonAndDoesNotBlockTheRest(TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            Ticket ticket = Ticket.forCall("support", "call-1", "0101", "agent1", AT);
            List<String> made = new ArrayList<>();
            record(emf, ticket, made, AT);
            ticket.resolve("agent1", AT.plusSeconds(1));
            record(emf, ticket, made, AT.plusSeconds(1));
            FakeCrm crm = new FakeCrm();
            crm.refuse = made.get(0);

            assertThat(deliverNext(emf, crm, AT.plusSeconds(2)))
                    .isEqualTo(CrmOutbox.Step.REJECTED);
            assertThat(deliverNext(emf, crm, AT.plusSeconds(2)))
                    .isEqualTo(CrmOutbox.Step.DELIVERED);

            CrmOutboxMessage refused = CrmOutboxTest.<CrmOutboxMessage>inTransaction(emf, em -> em.createQuery(
                    "select m from CrmOutboxMessage m where m.idempotencyKey = :key", CrmOutboxMessage.class)
                    .setParameter("key", made.get(0)).getSingleResult());
            assertThat(refused.outcome()).contains(CrmOutboxMessage.Outcome.REJECTED);
            assertThat(refused.lastError()).contains("HTTP 422: bad ticket");
            assertThat(crm.received).containsExactly(made.get(1));
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailingCrmIsRetriedLaterEachTime(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            Ticket ticket = Ticket.forCall("support", "call-1", "0101", "agent1", AT);
            CrmOutboxMessage recorded = inTransaction(emf, em -> new CrmOutbox(em).record(ticket, AT));
            FakeCrm crm = new FakeCrm();
            crm.up = false;

            deliverNext(emf, crm, AT);
            deliverNext(emf, crm, AT.plusSeconds(1));
            deliverNext(emf, crm, AT.plusSeconds(3));

            CrmOutboxMessage read = inTransaction(emf, em -> new CrmOutbox(em).find(recorded.id()).orElseThrow());
            assertThat(read.attempts()).isEqualTo(3);
            assertThat(read.nextAttemptAt()).isEqualTo(AT.plusSeconds(3 + 4));
            assertThat(read.lastError()).contains("HTTP 503: down");
            assertThat(read.doneAt()).isEmpty();
            emf.close();
        }
    }

    /**
     * Two application nodes (two entity manager factories on one database) deliver the same
     * outbox at once, as their timers do: each change reaches the CRM once, in the order made,
     * and never two at the same time (the second node waits for the head's row lock).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoNodesDeliveringAtOnceSendEachChangeOnceInOrderAndOneAtATime(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory nodeA = db.entityManagerFactory();
            EntityManagerFactory nodeB = db.entityManagerFactory();
            List<String> made = new ArrayList<>();
            for (int change = 0; change < 4; change++) {
                for (int t = 0; t < 4; t++) {
                    Ticket ticket = Ticket.forCall("support", "call-" + change + "-" + t, "0101", "agent1", AT);
                    record(change % 2 == 0 ? nodeA : nodeB, ticket, made, AT);
                }
            }
            java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
            List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
            TicketPush crm = (key, json) -> {
                mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                received.add(key);
                Thread.yield();
                inFlight.decrementAndGet();
                return TicketPush.Result.ofStatus(201, "");
            };
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Integer>> delivered = new ArrayList<>();
                for (EntityManagerFactory node : List.of(nodeA, nodeB)) {
                    delivered.add(nodes.submit(() -> {
                        start.await();
                        int count = 0;
                        while (deliverNext(node, crm, AT.plusSeconds(1)) == CrmOutbox.Step.DELIVERED) {
                            count++;
                        }
                        return count;
                    }));
                }
                int total = delivered.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS)
                        + delivered.get(1).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(total).isEqualTo(made.size());
            } finally {
                nodes.shutdownNow();
            }

            assertThat(received).as("each change once, in the order made").containsExactlyElementsOf(made);
            assertThat(mostAtOnce.get()).as("changes sent at the same time").isEqualTo(1);
            nodeA.close();
            nodeB.close();
        }
    }

    private static CrmOutbox.Step deliverNext(EntityManagerFactory emf, TicketPush crm, Instant now) {
        return inTransaction(emf, em -> new CrmOutbox(em).deliverNext(crm, now));
    }

    private static void record(EntityManagerFactory emf, Ticket ticket, List<String> made, Instant at) {
        made.add(inTransaction(emf, em -> new CrmOutbox(em).record(ticket, at)).idempotencyKey());
    }

    private static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        return TestDatabase.computeInTransaction(emf, work);
    }

    /** A CRM that is up or down, may refuse one key for good, and records what it took. */
    static final class FakeCrm implements TicketPush {

        boolean up = true;
        String refuse;
        final List<String> received = new ArrayList<>();

        @Override
        public Result push(String idempotencyKey, String ticketEventJson) {
            if (!up) {
                return Result.ofStatus(503, "down");
            }
            if (idempotencyKey.equals(refuse)) {
                return Result.ofStatus(422, "bad ticket");
            }
            received.add(idempotencyKey);
            return Result.ofStatus(201, "");
        }
    }
}
