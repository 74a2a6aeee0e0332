package org.calldesk.itcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.calldesk.launcher.CallDeskLauncher;
import org.calldesk.launcher.LauncherSettings;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.ami.AmiEvent;
import org.calldesk.pbxsim.pbx.LoadGenerator;
import org.calldesk.pbxsim.pbx.LoadProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load (issue 13), scaled to CI: one application node on a PostgreSQL of the test's
 * own, a broker process, the PBX simulator placing calls at a steady rate (its load generator,
 * as the benchmark uses it) whose callers wait for as long as it takes, and agents that confirm
 * every offer, answer every finish-call prompt and go Ready again after a rest, driven from the
 * committed rows (so they need neither the broker nor the node to keep working). A part is made
 * to fail while calls come in; once it is back and the calls have drained, the rows and the
 * simulator must show: every PBX call recorded once and ended, no call offered to two agents, one
 * ticket per connected call, no agent left busy, no caller left on the PBX, both outboxes empty,
 * and the waiting calls served in their order of arrival at the PBX (each outage is run twice, the
 * second time for that check alone).
 *
 * <p>The recovery figures are printed (lines starting with {@code fault:}); docs/operations.md, "Reliability",
 * quotes them. Run alone: {@code mvn -B verify -pl tests/it-cluster -Dit.test=FaultInjectionIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final Duration START = Duration.ofMinutes(6);
    private static final String SERVICE_NUMBER = "15880001";
    private static final List<String> AGENTS = List.of("f1", "f2", "f3", "f4", "f5", "f6");
    /** The load of one scenario: 2 calls/s for 20 s. */
    private static final double RATE = 2;
    private static final Duration LOAD = Duration.ofSeconds(20);
    /**
     * Callers never hang up on their own (the queue answers them, and they would wait 10 min), so
     * a call the application loses stays on the PBX; each hangs up 1 s after an agent took it.
     */
    private static final long HOLD_MILLIS = 600_000;
    /** The fault comes when this many calls of the scenario have been placed (8 s into the load). */
    private static final int FAULT_AFTER_CALLS = 16;
    /** How long the database or the broker stays down. */
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration DRAIN = Duration.ofSeconds(150);

    private Path work;
    private PrivatePostgres postgres;
    private ClusterDatabase db;
    private BrokerProcess broker;
    private PbxSimulator pbx;
    private ClusterNode node;
    private Thread agents;
    private volatile boolean agentsWork = true;
    /** The PBX ids of the calls the current scenario's load placed, in the order the PBX queued them. */
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    /** Calls whose customer the test hung up. */
    private final Set<String> hungUp = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    void stack() throws Exception {
        work = Path.of(System.getProperty("cluster.work")).resolve("fault-" + System.currentTimeMillis());
        postgres = PrivatePostgres.start(work.resolve("postgres"));
        db = ClusterDatabase.create(postgres.serverUrl());
        Files.createDirectories(work.resolve("broker"));
        broker = BrokerProcess.start(freePort(), work.resolve("broker"));
        await().atMost(Duration.ofSeconds(60)).until(broker::listening);
        pbx = PbxSimulator.builder().amiPort(0).httpPort(0).build().start();
        pbx.addEventListener(this::arrival);

        int port = freePort();
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--http-port", Integer.toString(port),
                "--data", work.resolve("node").toString(), "--ami-port", Integer.toString(pbx.amiPort()),
                "--pbx-control-port", Integer.toString(pbx.httpPort()), "--broker-port", Integer.toString(broker.port),
                "--db-url", db.url(), "--db-user", ClusterDatabase.USER, "--crm-url", "none"}, Map.of());
        Map<String, String> properties = CallDeskLauncher.applicationProperties(settings,
                "tcp://127.0.0.1:" + broker.port, "none");
        // as the launcher runs it: started again when it dies
        node = ClusterNode.startSupervised("node", Path.of(System.getProperty("cluster.runtime")), work.resolve("node"),
                port, broker.port, properties, 3);
        awaitReady(START);

        for (int i = 0; i < AGENTS.size(); i++) {
            node.ok(node.post("/agents", "{\"loginId\":\"" + AGENTS.get(i) + "\",\"name\":\"Fault Agent " + (i + 1)
                    + "\",\"agentNumber\":\"300" + (i + 1) + "\",\"device\":\"PJSIP/102" + (i + 1)
                    + "\",\"role\":\"AGENT\",\"serviceIds\":[\"support\"]}"));
            node.ok(node.post("/agents/" + AGENTS.get(i) + "/cti-login", ""));
        }
        agents = new Thread(this::agentsAtWork, "fault-agents");
        agents.setDaemon(true);
        agents.start();
    }

    @AfterAll
    void stop() throws Exception {
        agentsWork = false;
        Stopping.all(node, pbx, broker, db, postgres);
    }

    @Test
    @Order(1)
    void databaseStoppedAndStartedLosesNoCallAndLeavesNothingStuck() throws Exception {
        Scenario scenario = underLoad("database stopped " + OUTAGE.toSeconds() + " s", () -> {
            postgres.stopServer();
            Thread.sleep(OUTAGE.toMillis()); // the outage itself: the scenario's length, not a wait for something
            postgres.startServer();
        });
        scenario.nothingLostDoubledStuckOrStranded();
        scenario.servedInOrderOfArrival();
    }

    @Test
    @Order(2)
    void brokerKilledAndRestartedLosesNoCallAndLeavesNothingStuck() throws Exception {
        Scenario scenario = underLoad("broker killed, back after " + OUTAGE.toSeconds() + " s", () -> {
            broker.kill();
            Thread.sleep(OUTAGE.toMillis()); // the outage itself
            broker.startAgain();
            await("broker back").atMost(Duration.ofSeconds(60)).until(broker::listening);
        });
        scenario.nothingLostDoubledStuckOrStranded();
        scenario.servedInOrderOfArrival();
    }

    @Test
    @Order(3)
    void aKilledNodeIsStartedAgainByItsSupervisorAndDeploysTheApplicationOnce() throws Exception {
        long pid = node.pid();
        Path log = work.resolve("node").resolve("payara.log");
        long logLength = Files.size(log);
        Instant killed = Instant.now();
        node.kill();
        await("node started again").atMost(Duration.ofSeconds(30)).until(() -> node.restarts() >= 1 && node.isAlive());
        assertThat(node.pid()).isNotEqualTo(pid);
        awaitReady(START);
        Duration back = Duration.between(killed, Instant.now());
        System.out.printf(Locale.ROOT, "fault: node kill -9: started again and healthy after %.1f s%n", back.toMillis() / 1e3);
        byte[] whole = Files.readAllBytes(log);
        String restartLog = new String(whole, (int) logLength, whole.length - (int) logLength,
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(restartLog).as("the restart's log").doesNotContain("already registered")
                .doesNotContain("Undeploying");
        assertThat(count(restartLog, "calldesk was successfully deployed")).as("deployments of the WAR").isEqualTo(1);
        assertThat(count(restartLog, "calldesk-pbx was successfully deployed")).as("of the PBX adapter").isEqualTo(1);
    }

    @Test
    @Order(6)
    void nodeKilledMidLoadAndRestartedLosesNoCallAndLeavesNothingStuck() throws Exception {
        // last: what this scenario leaves behind while it fails would spoil any scenario after it
        Scenario scenario = underLoad("node kill -9, started again by its supervisor", () -> {
            node.kill();
            await("node started again").atMost(Duration.ofSeconds(30)).until(() -> node.restarts() >= 1 && node.isAlive());
            awaitReady(START);
        });
        scenario.nothingLostDoubledStuckOrStranded();
        scenario.servedInOrderOfArrival();
    }

    @Test
    @Order(4)
    void waitingCallsAreServedInOrderOfArrivalAcrossADatabaseOutage() throws Exception {
        underLoad("database stopped " + OUTAGE.toSeconds() + " s (order)", () -> {
            postgres.stopServer();
            Thread.sleep(OUTAGE.toMillis());
            postgres.startServer();
        }).servedInOrderOfArrival();
    }

    @Test
    @Order(5)
    void waitingCallsAreServedInOrderOfArrivalAcrossABrokerOutage() throws Exception {
        underLoad("broker killed " + OUTAGE.toSeconds() + " s (order)", () -> {
            broker.kill();
            Thread.sleep(OUTAGE.toMillis());
            broker.startAgain();
            await("broker back").atMost(Duration.ofSeconds(60)).until(broker::listening);
        }).servedInOrderOfArrival();
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /** What one scenario left: its calls in order of arrival, and when the fault ended. */
    private final class Scenario {
        final String name;
        final List<String> calls;

        Scenario(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        void nothingLostDoubledStuckOrStranded() {
            Set<String> recorded = new HashSet<>(db.column("select pbx_call_id from call_record"));
            assertThat(calls).as(name + ": PBX calls without a call record").allMatch(recorded::contains);
            List<Map<String, Object>> rows = db.rows("select id, pbx_call_id, status, end_cause, connected_at, ticket_id"
                    + " from call_record");
            assertThat(rows).filteredOn(row -> calls.contains(row.get("pbx_call_id")))
                    .as(name + ": calls not ended").allMatch(row -> "ENDED".equals(row.get("status")));
            assertThat(pbx.channels()).as(name + ": callers (or agent legs) left on the PBX").isEmpty();
            assertThat(db.rows("select id, status, call_id from cti_agent where id in ('" + String.join("','", AGENTS) + "')"))
                    .as(name + ": agents not back to Ready").allMatch(agent -> "READY".equals(agent.get("status"))
                            && agent.get("call_id") == null);
            assertThat(db.column("select id from event_outbox")).as(name + ": events outbox").isEmpty();
            assertThat(db.column("select id from crm_outbox")).as(name + ": CRM outbox").isEmpty();
            CallChecks.noDoubleOffer(db);
            CallChecks.oneTicketPerConnectedCall(db, rows);
        }

        void servedInOrderOfArrival() {
            assertThat(CallChecks.placesOutOfOrder(db, calls)).as(name + ": places a waiting call was overtaken").isZero();
        }
    }

    /** Places the scenario's calls, injects the fault part-way, and waits until everything has drained. */
    private Scenario underLoad(String name, Fault fault) throws Exception {
        arrivals.clear();
        Instant started = Instant.now();
        LoadGenerator load = pbx.startLoad(new LoadProfile(RATE, LOAD, List.of(SERVICE_NUMBER), HOLD_MILLIS, 500));
        await("calls placed before the fault").atMost(LOAD).pollInterval(Duration.ofMillis(100))
                .until(() -> load.placed() >= FAULT_AFTER_CALLS);
        Instant faultAt = Instant.now();
        fault.inject();
        Instant faultEnded = Instant.now();
        assertThat(load.awaitFinished(LOAD.toSeconds() + 60, TimeUnit.SECONDS)).as("the load finished").isTrue();
        List<String> calls = List.copyOf(arrivals);
        Instant drained = null;
        try {
            await(name + ": calls drained").atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> settled(calls));
            drained = Instant.now();
        } catch (ConditionTimeoutException e) {
            System.out.println("fault: " + name + ": not drained within " + DRAIN.toSeconds() + " s; the checks say why");
        }
        Instant firstOfferAfter = db.rows("select min(changed_at) as first from agent_status_change"
                + " where status = 'ALERTING' and changed_at > ?", java.sql.Timestamp.from(faultEnded)).stream()
                .map(row -> (Instant) row.get("first")).filter(first -> first != null).findFirst().orElse(null);
        System.out.printf(Locale.ROOT, "fault: %s: %d calls (%d placed, %d skipped), fault %.1f s into the load,"
                        + " lasted %.1f s; first offer %s after; drained %s after the load began;"
                        + " waiting calls overtaken by at most %d later ones%n", name, calls.size(), load.placed(),
                load.skipped(), Duration.between(started, faultAt).toMillis() / 1e3,
                Duration.between(faultAt, faultEnded).toMillis() / 1e3,
                firstOfferAfter == null ? "never" : seconds(Duration.between(faultEnded, firstOfferAfter)),
                drained == null ? "never" : seconds(Duration.between(started, drained)),
                CallChecks.placesOutOfOrder(db, calls));
        return new Scenario(name, calls);
    }

    /** Every call of the scenario recorded and ended, nothing on the PBX, every agent Ready, the outboxes empty. */
    private boolean settled(List<String> calls) {
        return pbx.channels().isEmpty()
                && db.column("select pbx_call_id from call_record where status = 'ENDED'").containsAll(calls)
                && db.rows("select id from cti_agent where status <> 'READY' and id in ('" + String.join("','", AGENTS)
                        + "')").isEmpty()
                && db.column("select id from event_outbox").isEmpty()
                && db.column("select id from crm_outbox").isEmpty();
    }

    /**
     * The agents and their customers, every 300 ms: confirm each offer, hang up (as the
     * customer) each call connected for a second, confirm each finish-call prompt, and press
     * Ready when at rest (where a missed offer sends an agent). Refusals and failures (the node
     * or the database down) are part of the game: the next round tries again.
     */
    private void agentsAtWork() {
        while (agentsWork) {
            try {
                for (String call : db.column("select pbx_call_id from call_record where status = 'TALKING'"
                        + " and connected_at < now() - interval '1 second'")) {
                    if (hungUp.add(call)) {
                        pbx.hangupCall(call);
                    }
                }
                for (Map<String, Object> agent : db.rows("select id, status, call_id from cti_agent where id in ('"
                        + String.join("','", AGENTS) + "')")) {
                    switch (String.valueOf(agent.get("status"))) {
                        case "ALERTING" -> node.post("/calls/" + agent.get("call_id") + "/confirm", "");
                        case "AFTER_CALL" -> node.post("/agents/" + agent.get("id") + "/after-call/confirm", "");
                        case "REST" -> node.put("/agents/" + agent.get("id") + "/status", "{\"status\":\"READY\"}");
                        default -> {
                            // Ready, or on a call: nothing to do
                        }
                    }
                }
            } catch (Exception e) {
                // the database or the node is down: the next round
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The simulator's mark of a caller reaching the queue (the dialplan's UserEvent), in the PBX's order. */
    private void arrival(AmiEvent event) {
        if (event.name().equals("UserEvent") && "CallDeskWaiting".equals(event.body().get("UserEvent"))) {
            arrivals.add(event.body().get("Linkedid"));
        }
    }

    private void awaitReady(Duration timeout) {
        await("node ready").atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(node::ready);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1e3);
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
