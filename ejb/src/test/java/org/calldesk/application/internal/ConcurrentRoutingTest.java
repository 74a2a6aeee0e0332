package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.calldesk.application.Actor;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.infrastructure.persistence.TestDatabase;
import org.calldesk.infrastructure.persistence.jpa.JpaAgentRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaCallRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The claims that keep routing right when many threads, or several application instances, work
 * on one database at once: real threads, real transactions, on H2 and on PostgreSQL.
 */
class ConcurrentRoutingTest {

    private static final int THREADS = 50;
    private static final Actor ADMIN = new Actor("admin", true);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void fiftyConfirmsOfOneOfferConnectTheCallOnceAndCreateOneTicket(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            JpaHarness harness = new JpaHarness(emf, Clock.systemUTC());
            setUp(harness, 1);
            String callId = arrive(harness, "1.1");
            boolean offered = harness.inTransaction(w -> w.routing().offerNextCall("support"));
            assertThat(offered).isTrue();

            List<Boolean> results = race(() -> harness.inTransaction(w -> w.callControl()
                    .confirm(new Actor("agent0", false), callId)) != null);

            assertThat(results).containsOnlyOnce(true);
            long tickets = harness.read(em -> em.createQuery("select count(t) from Ticket t", Long.class)
                    .getSingleResult());
            assertThat(tickets).isEqualTo(1);
            assertThat(harness.pbx.requests()).containsExactly("connect 1.1 PJSIP/2000");
            Call call = harness.read(em -> new JpaCallRepository(em).find(callId).orElseThrow());
            assertThat(call.status()).isEqualTo(CallStatus.TALKING);
            assertThat(call.ticketId()).isPresent();
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void fiftyRoutersAtOnceNeverOfferOneAgentTwoCallsNorOneCallToTwoAgents(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
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
                    } catch (RuntimeException lostRace) {
                        // another router took the agent or the call first; try again with fresh data
                    }
                }
                return offered > 0;
            });

            List<Call> offered = harness.read(em -> em.createQuery("select c from Call c where c.status = :s", Call.class)
                    .setParameter("s", CallStatus.OFFERED).getResultList());
            List<Agent> alerting = harness.read(em -> new JpaAgentRepository(em).all()).stream()
                    .filter(a -> a.status() == AgentStatus.ALERTING).toList();
            assertThat(offered).hasSize(agents);
            assertThat(alerting).hasSize(agents);
            Map<String, String> agentOfCall = offered.stream()
                    .collect(Collectors.toMap(Call::id, c -> c.agentId().orElseThrow()));
            assertThat(Set.copyOf(agentOfCall.values())).hasSize(agents);
            for (Agent agent : alerting) {
                assertThat(agentOfCall.get(agent.callId().orElseThrow())).isEqualTo(agent.id());
            }
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void ofFiftyOffersOfDifferentCallsToOneReadyAgentExactlyOneCommits(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
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
            long offered = harness.read(em -> em.createQuery("select count(c) from Call c where c.status = :s",
                    Long.class).setParameter("s", CallStatus.OFFERED).getSingleResult());
            assertThat(offered).isEqualTo(1);
            emf.close();
        }
    }

    /** Runs the task on {@value #THREADS} threads released at once; a thrown exception counts as false. */
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
                        return false;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
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
            w.callEvents().handle(new CallEvent.CallArrived(new CallId(pbxCallId), "0101", "15880001",
                    java.time.Instant.now()));
            return null;
        });
        return harness.read(em -> new JpaCallRepository(em).findByPbxCallId(pbxCallId).orElseThrow().id());
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
