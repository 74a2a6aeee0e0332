package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.time.Instant;
import org.calldesk.application.Actor;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.shared.TransitionRefused;
import org.calldesk.infrastructure.persistence.TestDatabase;
import org.calldesk.infrastructure.persistence.jpa.JpaAgentRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaCallRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The claims that keep routing right when many threads, or several application instances, work
 * on one database at once: real threads, real transactions, on H2 and on PostgreSQL.
 *
 * <p>What counts is what is committed, so the outcome is read from the tables with plain JDBC,
 * past JPA and any cache of it, and then compared with what a fresh entity manager reads. A
 * thread that loses a race must fail the way a lost race fails (a refusal of the domain, or a
 * conflict the database reports); any other exception fails the test with its details.
 */
class ConcurrentRoutingTest {

    private static final int THREADS = 50;
    private static final Actor ADMIN = new Actor("admin", true);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void fiftyConfirmsOfOneOfferConnectTheCallOnceAndCreateOneTicket(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); EntityManagerFactory emf = db.entityManagerFactory()) {
            JpaHarness harness = new JpaHarness(emf, Clock.systemUTC());
            setUp(harness, 1);
            String callId = arrive(harness, "1.1");
            boolean offered = harness.inTransaction(w -> w.routing().offerNextCall("support"));
            assertThat(offered).isTrue();

            List<Boolean> results = race(() -> harness.inTransaction(w -> w.callControl()
                    .confirm(new Actor("agent0", false), callId)) != null);

            assertThat(results).containsOnlyOnce(true);
            assertThat(harness.pbx.requests()).containsExactly("connect 1.1 PJSIP/2000");
            assertThat(Committed.read(db).ticketCalls()).as("no ticket while the agent's phone rings").isEmpty();

            // the PBX reports the agent's leg answered, the same report many times at once
            race(() -> {
                harness.inTransaction(w -> {
                    w.callEvents().handle(new PbxReport.CallAnswered(new PbxCallId("1.1"), "PJSIP/2000",
                            Instant.now()));
                    return null;
                });
                return true;
            });
            Committed committed = Committed.read(db);
            assertThat(committed.ticketCalls()).as("tickets (id -> call)").hasSize(1).containsValue(callId);
            String ticketId = committed.ticketCalls().keySet().iterator().next();
            assertThat(committed.calls().get(callId)).isEqualTo(new CallRow("TALKING", "agent0", ticketId));
            assertThat(committed.agents().get("agent0")).isEqualTo(new AgentRow("TALKING", callId));
            assertThat(committed.historyInto("TALKING")).as("accepted offers in the status history").isEqualTo(1);

            long tickets = harness.read(em -> em.createQuery("select count(t) from Ticket t", Long.class)
                    .getSingleResult());
            assertThat(tickets).isEqualTo(1);
            Call call = harness.read(em -> new JpaCallRepository(em).find(callId).orElseThrow());
            assertThat(call.status()).isEqualTo(CallStatus.TALKING);
            assertThat(call.ticketId()).contains(ticketId);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void fiftyRoutersAtOnceNeverOfferOneAgentTwoCallsNorOneCallToTwoAgents(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); EntityManagerFactory emf = db.entityManagerFactory()) {
            JpaHarness harness = new JpaHarness(emf, Clock.systemUTC());
            int agents = 10;
            setUp(harness, agents);
            for (int i = 0; i < 30; i++) {
                arrive(harness, "2." + i);
            }

            race(() -> {
                int offered = 0;
                for (int attempt = 0; attempt < 5; attempt++) {
                    try {
                        if (harness.inTransaction(w -> w.routing().offerNextCall("support"))) {
                            offered++;
                        }
                    } catch (RuntimeException e) {
                        // another router took the agent or the call first; try again with fresh data
                        requireLostRace(e);
                    }
                }
                return offered > 0;
            });

            // the committed rows: every agent alerted with one call, offered to that agent only
            Committed committed = Committed.read(db);
            Map<String, String> offeredTo = committed.offeredCalls();
            Map<String, String> alertedWith = committed.alertingAgents();
            assertThat(offeredTo).as("offered calls (call -> agent)").hasSize(agents).doesNotContainValue(null);
            assertThat(Set.copyOf(offeredTo.values())).as("agents offered a call").hasSize(agents);
            assertThat(alertedWith).as("alerting agents (agent -> call)").hasSize(agents);
            alertedWith.forEach((agent, call) -> assertThat(offeredTo.get(call))
                    .as("the agent of call %s, which alerts %s", call, agent).isEqualTo(agent));
            assertThat(committed.historyInto("ALERTING")).as("offers in the status history").isEqualTo(agents);

            // and a fresh entity manager reads just that: no shared cache serves older state
            List<Call> offered = harness.read(em -> em.createQuery("select c from Call c where c.status = :s", Call.class)
                    .setParameter("s", CallStatus.OFFERED).getResultList());
            assertThat(offered).extracting(Call::id).allSatisfy(id -> assertThat(emf.getCache().contains(Call.class, id))
                    .as("call %s is held in a shared (second-level) cache, which can serve older state than the "
                            + "database holds: other nodes' commits never reach it, racing commits here need not", id)
                    .isFalse());
            List<Agent> alerting = harness.read(em -> new JpaAgentRepository(em).all()).stream()
                    .filter(a -> a.status() == AgentStatus.ALERTING).toList();
            assertThat(offered).extracting(Call::status).as("status of the calls read as OFFERED")
                    .containsOnly(CallStatus.OFFERED);
            assertThat(offered.stream().collect(Collectors.toMap(Call::id, c -> c.agentId().orElse("none"))))
                    .as("the offered calls as JPA reads them").isEqualTo(offeredTo);
            assertThat(alerting.stream().collect(Collectors.toMap(Agent::id, a -> a.callId().orElse("none"))))
                    .as("the alerting agents as JPA reads them").isEqualTo(alertedWith);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void ofFiftyOffersOfDifferentCallsToOneReadyAgentExactlyOneCommits(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); EntityManagerFactory emf = db.entityManagerFactory()) {
            JpaHarness harness = new JpaHarness(emf, Clock.systemUTC());
            setUp(harness, 1);
            List<String> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                calls.add(arrive(harness, "3." + i));
            }
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            List<Boolean> results = race(() -> {
                String callId = calls.get(next.getAndIncrement());
                return harness.inTransaction(w -> {
                    JpaHarnessAccess access = new JpaHarnessAccess(w);
                    Call call = access.call(callId);
                    Agent agent = access.agent("agent0");
                    java.time.Instant now = java.time.Instant.now();
                    agent.offer(call.id(), now);
                    call.offerTo(agent.id(), now.plusSeconds(20), now);
                    return true;
                });
            });

            assertThat(results).containsOnlyOnce(true);
            Committed committed = Committed.read(db);
            Map<String, String> offeredTo = committed.offeredCalls();
            assertThat(offeredTo).as("offered calls (call -> agent)").hasSize(1).containsValue("agent0");
            assertThat(committed.alertingAgents()).isEqualTo(Map.of("agent0", offeredTo.keySet().iterator().next()));
            long offered = harness.read(em -> em.createQuery("select count(c) from Call c where c.status = :s",
                    Long.class).setParameter("s", CallStatus.OFFERED).getSingleResult());
            assertThat(offered).isEqualTo(1);
        }
    }

    /**
     * Runs the task on {@value #THREADS} threads released at once. A lost race counts as false;
     * any other exception, from any thread, fails the test.
     */
    private static List<Boolean> race(Callable<Boolean> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        requireLostRace(e);
                        return false;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Boolean> results = new ArrayList<>();
            AssertionError unexpected = null;
            for (Future<Boolean> future : futures) {
                try {
                    results.add(future.get(2, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    if (unexpected == null) {
                        unexpected = new AssertionError("a racing thread failed otherwise than by losing the race",
                                e.getCause());
                    } else {
                        unexpected.addSuppressed(e.getCause());
                    }
                }
            }
            if (unexpected != null) {
                throw unexpected;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How a transaction that lost a race fails, having changed nothing: the domain refuses (it
     * read the call or agent after the winner committed), or the database reports the conflict
     * (the version no longer matches, the one ticket of the call exists, a lock wait timed out,
     * a deadlock or serialization failure). Anything else is rethrown.
     */
    private static void requireLostRace(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransitionRefused
                    || cause instanceof RequestRefused refused && refused.kind() == RequestRefused.Kind.CONFLICT
                    || cause instanceof OptimisticLockException
                    || cause instanceof org.eclipse.persistence.exceptions.OptimisticLockException
                    || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException
                    || cause instanceof SQLException sql && isConflict(sql)) {
                return;
            }
        }
        throw e;
    }

    /** Integrity constraint violation (23xxx), rollback (40xxx), lock not available, lock timeout. */
    private static boolean isConflict(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.startsWith("23") || state.startsWith("40") || state.equals("55P03") || state.equals("HYT00");
    }

    private static void setUp(JpaHarness harness, int agents) {
        harness.inTransaction(w -> w.cti().createService(ADMIN, "support", new ServiceDefinition("Customer Support",
                "custom/abuse-warning", Duration.ofSeconds(20), true, Set.of("15880001"), Set.of("15880001"))));
        for (int i = 0; i < agents; i++) {
            String id = "agent" + i;
            int number = 2000 + i;
            harness.inTransaction(w -> w.cti().registerAgent(ADMIN, id, new AgentRegistration("Agent " + number,
                    String.valueOf(number), "PJSIP/" + number, AgentRole.AGENT, Set.of("support"))));
            harness.inTransaction(w -> w.agentService().logIn(ADMIN, id));
            harness.inTransaction(w -> w.agentService().chooseStatus(ADMIN, id, AgentStatus.READY, null));
        }
    }

    private static String arrive(JpaHarness harness, String pbxCallId) {
        harness.inTransaction(w -> {
            w.callEvents().handle(new PbxReport.CallArrived(new PbxCallId(pbxCallId), "0101", "15880001",
                    java.time.Instant.now()));
            return null;
        });
        return harness.read(em -> new JpaCallRepository(em).findByPbxCallId(pbxCallId).orElseThrow().id());
    }

    private record CallRow(String status, String agentId, String ticketId) {
    }

    private record AgentRow(String status, String callId) {
    }

    /** The committed rows, read with plain JDBC on a connection of its own. */
    private record Committed(Map<String, CallRow> calls, Map<String, AgentRow> agents,
                             Map<String, String> ticketCalls, Map<String, Long> history) {

        static Committed read(TestDatabase db) throws SQLException {
            Map<String, CallRow> calls = new LinkedHashMap<>();
            Map<String, AgentRow> agents = new LinkedHashMap<>();
            Map<String, String> ticketCalls = new LinkedHashMap<>();
            Map<String, Long> history = new LinkedHashMap<>();
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery(
                        "select id, status, agent_id, ticket_id from call_record order by id")) {
                    while (rows.next()) {
                        calls.put(rows.getString(1), new CallRow(rows.getString(2), rows.getString(3), rows.getString(4)));
                    }
                }
                try (ResultSet rows = statement.executeQuery("select id, status, call_id from cti_agent order by id")) {
                    while (rows.next()) {
                        agents.put(rows.getString(1), new AgentRow(rows.getString(2), rows.getString(3)));
                    }
                }
                try (ResultSet rows = statement.executeQuery("select id, call_id from ticket order by id")) {
                    while (rows.next()) {
                        ticketCalls.put(rows.getString(1), rows.getString(2));
                    }
                }
                try (ResultSet rows = statement.executeQuery(
                        "select status, count(*) from agent_status_change group by status")) {
                    while (rows.next()) {
                        history.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return new Committed(calls, agents, ticketCalls, history);
        }

        /** Offered calls: call id to the agent it is offered to. */
        Map<String, String> offeredCalls() {
            Map<String, String> offered = new LinkedHashMap<>();
            calls.forEach((id, call) -> {
                if ("OFFERED".equals(call.status())) {
                    offered.put(id, call.agentId());
                }
            });
            return offered;
        }

        /** Alerting agents: agent id to the call they are alerted with. */
        Map<String, String> alertingAgents() {
            Map<String, String> alerting = new LinkedHashMap<>();
            agents.forEach((id, agent) -> {
                if ("ALERTING".equals(agent.status())) {
                    alerting.put(id, agent.callId());
                }
            });
            return alerting;
        }

        /** How many recorded status changes led into that status. */
        long historyInto(String status) {
            return history.getOrDefault(status, 0L);
        }
    }

    /** Reaches the wired services' repositories, to change aggregates directly. */
    private record JpaHarnessAccess(Wiring wiring) {
        Call call(String id) {
            return wiring.routing().calls.find(id).orElseThrow();
        }

        Agent agent(String id) {
            return wiring.routing().agents.find(id).orElseThrow();
        }
    }
}
