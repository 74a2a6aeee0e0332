package org.calldesk.itcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL database and one broker process, both connected to
 * one PBX (the simulator, which numbers its events as Asterisk does with manager.conf
 * {@code debug = on}). Agents log in and go Ready through either node; offers are confirmed,
 * after-call prompts answered, through whichever node; customers hang up after a moment on the
 * line. Then one node is killed in the middle of a second batch of calls and the other carries on.
 *
 * <p>Judged by facts: the rows both nodes committed (read with plain JDBC) and the copy of every
 * message the PBX events queue accepted (a divert on the broker, which sees only what passed
 * duplicate detection). No sleeps: every wait is for a row or a message, with generous limits.
 */
class TwoNodesIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    private static final String SERVICE_NUMBER = "15880001";
    /** The demo's support agents and four more, each with a phone of the simulator. */
    private static final List<String> AGENTS = List.of("agent1", "agent2", "c1", "c2", "c3", "c4");

    private ClusterDatabase db;
    private BrokerProcess broker;
    private PbxSimulator pbx;
    private ClusterNode nodeA;
    private ClusterNode nodeB;
    /** The PBX ids of the calls the test placed, in order. */
    private final List<String> placed = new ArrayList<>();
    /** Calls whose customer the test hung up. */
    private final Set<String> hungUp = ConcurrentHashMap.newKeySet();
    /** Round robin over the live nodes, so each request may land on either. */
    private final AtomicInteger turn = new AtomicInteger();

    @BeforeEach
    void cluster() throws Exception {
        db = ClusterDatabase.create();
        Path work = Path.of(System.getProperty("cluster.work")).resolve(db.name);
        Files.createDirectories(work.resolve("broker"));
        broker = BrokerProcess.start(Integer.getInteger("cluster.broker.port"), work.resolve("broker"));
        await().atMost(Duration.ofSeconds(60)).until(broker::listening);
        broker.auditPbxEvents();
        pbx = PbxSimulator.builder().amiPort(Integer.getInteger("cluster.ami.port")).httpPort(-1).build().start();

        Path runtime = Path.of(System.getProperty("cluster.runtime"));
        nodeA = ClusterNode.start("node A", runtime, work.resolve("a"), Integer.getInteger("cluster.node.a.port"),
                broker.port, settings());
        awaitReady(nodeA);
        // one after the other: the first creates the schema and the demo data, the second finds them
        nodeB = ClusterNode.start("node B", runtime, work.resolve("b"), Integer.getInteger("cluster.node.b.port"),
                broker.port, settings());
        awaitReady(nodeB);
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("calldesk.datasource.class", "org.postgresql.ds.PGSimpleDataSource");
        settings.put("calldesk.datasource.url", db.url());
        settings.put("calldesk.datasource.user", ClusterDatabase.USER);
        settings.put("calldesk.datasource.password", "trust");
        settings.put("calldesk.ami.host", "127.0.0.1");
        settings.put("calldesk.ami.port", Integer.toString(pbx.amiPort()));
        settings.put("calldesk.ami.username", "calldesk");
        settings.put("calldesk.ami.secret", "calldesk");
        settings.put("calldesk.demo.enabled", "true");
        return settings;
    }

    private static void awaitReady(ClusterNode node) {
        await(node + " ready").atMost(START).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!node.isAlive()) {
                throw new AssertionError(node + " exited during start-up; see its payara.log under target/cluster");
            }
            return node.ready();
        });
    }

    @AfterEach
    void stop() throws Exception {
        Stopping.all(nodeB, nodeA, pbx, broker, db);
    }

    @Test
    void eachEventOnceEachCallToOneAgentOneTicketPerConnectedCallAndNoCallLostWhenANodeDies() throws Exception {
        assertThat(broker.eventTopicSubscriptions())
                .as("each node subscribes to the events topic on its own, so a console on either node sees every event")
                .hasSize(2);
        for (int i = 1; i <= 4; i++) {
            nodeA.ok(nodeA.post("/agents", "{\"loginId\":\"c" + i + "\",\"name\":\"Cluster Agent " + i
                    + "\",\"agentNumber\":\"200" + i + "\",\"device\":\"PJSIP/101" + i
                    + "\",\"role\":\"AGENT\",\"serviceIds\":[\"support\"]}"));
        }
        for (int i = 0; i < AGENTS.size(); i++) {
            ClusterNode login = i % 2 == 0 ? nodeA : nodeB;
            ClusterNode ready = login == nodeA ? nodeB : nodeA;
            login.ok(login.post("/agents/" + AGENTS.get(i) + "/cti-login", ""));
            ready.ok(ready.put("/agents/" + AGENTS.get(i) + "/status", "{\"status\":\"READY\"}"));
        }

        List<ClusterNode> both = List.of(nodeA, nodeB);
        List<String> first = place(10);
        await("first batch handled by both nodes").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> work(both) && ended(first));

        List<String> second = place(10);
        await("part of the second batch connected").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> work(both) && connected(second) >= 2);
        Instant killedAt = Instant.now();
        nodeA.kill();
        assertThat(nodeA.isAlive()).as("node A killed").isFalse();
        List<ClusterNode> survivor = List.of(nodeB);
        await("second batch finished by node B alone").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> work(survivor) && ended(second));

        List<Map<String, Object>> calls = db.rows("select id, pbx_call_id, status, end_cause, connected_at, ticket_id"
                + " from call_record");
        noCallLost(calls);
        assertThat(calls.stream().filter(call -> call.get("connected_at") != null)).as("connected calls")
                .hasSizeGreaterThanOrEqualTo(placed.size() / 2);
        CallChecks.oneTicketPerConnectedCall(db, calls);
        CallChecks.noDoubleOffer(db);
        eachPbxEventOnce();
        everyEventLeftTheOutbox();
        anEventLeftInTheOutboxIsPublishedByTheSweepEvenIfTheTopicHadItAlready();
        assertThat(calls).as("calls of the second batch connected by node B after node A died")
                .filteredOn(call -> second.contains(call.get("pbx_call_id")) && call.get("connected_at") != null
                        && ((Instant) call.get("connected_at")).isAfter(killedAt))
                .isNotEmpty();
    }

    /** Customers call the support number, all at once. */
    private List<String> place(int count) {
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(pbx.inboundCall("0101234" + String.format("%04d", placed.size() + i), SERVICE_NUMBER).callId());
        }
        placed.addAll(batch);
        return batch;
    }

    /**
     * One round of what agents and customers do, through the live nodes in turn: Confirm every
     * alert, hang up (as the customer) every call connected for a second, answer every finish-call
     * prompt with Confirm (Ready). Answers such as 409 (the call changed meanwhile) are part of the
     * game; the rows decide.
     */
    private boolean work(List<ClusterNode> nodes) throws IOException, InterruptedException {
        for (Map<String, Object> agent : db.rows("select id, call_id from cti_agent where status = 'ALERTING'")) {
            next(nodes).post("/calls/" + agent.get("call_id") + "/confirm", "");
        }
        for (String call : db.column("select pbx_call_id from call_record where status = 'TALKING'"
                + " and connected_at < now() - interval '1 second'")) {
            if (hungUp.add(call)) {
                pbx.hangupCall(call);
            }
        }
        for (String agent : db.column("select id from cti_agent where status = 'AFTER_CALL'")) {
            next(nodes).post("/agents/" + agent + "/after-call/confirm", "");
        }
        return true;
    }

    private ClusterNode next(List<ClusterNode> nodes) {
        return nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
    }

    private boolean ended(List<String> batch) {
        return new HashSet<>(db.column("select pbx_call_id from call_record where status = 'ENDED'")).containsAll(batch);
    }

    private long connected(List<String> batch) {
        return db.column("select pbx_call_id from call_record where connected_at is not null").stream()
                .filter(batch::contains).count();
    }

    /** Every call placed is recorded once and ended, with a cause. */
    private void noCallLost(List<Map<String, Object>> calls) {
        assertThat(calls).extracting(call -> (String) call.get("pbx_call_id"))
                .as("one call record per call placed").containsExactlyInAnyOrderElementsOf(placed);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.get("status")).as("status of %s", call).isEqualTo("ENDED");
            assertThat(call.get("end_cause")).as("end cause of %s", call).isNotNull();
        });
    }

    /**
     * Both nodes read every AMI event and send each call event to the queue. Each event was
     * applied once: every id the queue accepted is recorded as applied exactly once (the
     * application records it with the event's changes, and skips a copy whose id it has), and
     * both nodes gave the same id to each call's arrival and end. The broker keeps one copy of
     * nearly every event; a copy that two nodes send at the same moment can pass it (its check
     * is not atomic across sessions), and is counted here.
     */
    private void eachPbxEventOnce() {
        await("the audit copies of the last events").atMost(Duration.ofSeconds(30))
                .until(() -> count("CallEnded") >= placed.size());
        Set<String> ids = broker.accepted.stream().map(BrokerProcess.Accepted::id).filter(id -> id != null)
                .collect(Collectors.toSet());
        await("every accepted event applied").atMost(Duration.ofSeconds(60))
                .until(() -> new HashSet<>(db.column("select event_id from pbx_event_applied")).containsAll(ids));
        assertThat(db.column("select event_id from pbx_event_applied")).as("PBX events applied, by id")
                .containsExactlyInAnyOrderElementsOf(ids);
        for (String type : List.of("CallArrived", "CallEnded")) {
            Map<String, Set<String>> idsPerCall = broker.accepted.stream()
                    .filter(accepted -> type.equals(json(accepted.body()).getString("type")))
                    .collect(Collectors.groupingBy(accepted -> json(accepted.body()).getString("call"),
                            Collectors.mapping(BrokerProcess.Accepted::id, Collectors.toSet())));
            assertThat(idsPerCall).as(type + " ids per call").containsOnlyKeys(placed)
                    .allSatisfy((call, callIds) -> assertThat(callIds).as(call).hasSize(1).doesNotContainNull());
        }
        assertThat(broker.accepted).filteredOn(accepted -> json(accepted.body()).getString("type").startsWith("Call"))
                .as("call events carry the PBX's event id").allSatisfy(accepted -> assertThat(accepted.id()).isNotNull());
        long copies = broker.accepted.stream().filter(accepted -> accepted.id() != null).count() - ids.size();
        System.out.printf("two nodes: %d PBX events queued once, %d second copies passed the broker and were skipped%n",
                ids.size(), copies);
    }

    /**
     * Each change's event is written to the events outbox in its transaction and deleted only in
     * the broker transaction that publishes it: an empty outbox means every committed change went
     * out, node A's last ones included (published by node B's sweep if A died before its relay).
     */
    private void everyEventLeftTheOutbox() {
        await("the events outbox emptied").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> db.column("select id from event_outbox").isEmpty());
    }

    /**
     * A row as a node leaves it when it stops between a commit and its relay: the surviving
     * node's sweep publishes and deletes it. The same row once more, as a node leaves it when it
     * stops between publishing and deleting: the broker refuses the copy by its id, and the
     * sweep must still delete the row rather than try it for ever.
     */
    private void anEventLeftInTheOutboxIsPublishedByTheSweepEvenIfTheTopicHadItAlready() {
        String id = java.util.UUID.randomUUID().toString();
        String insert = "insert into event_outbox (id, subject_kind, subject_id, event_type, body, created_at)"
                + " values (?, 'call', 'it-left-behind', 'call.test', ?, ?)";
        String body = "{\"schema\":1,\"type\":\"call.test\",\"subject\":{\"kind\":\"call\",\"id\":\"it-left-behind\"}}";
        java.sql.Timestamp longAgo = java.sql.Timestamp.from(Instant.now().minusSeconds(60));
        for (String left : List.of("stopped before its relay", "stopped between publishing and deleting")) {
            assertThat(db.update(insert, id, body, longAgo)).isEqualTo(1);
            await("the sweep took the event a node " + left).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> db.column("select id from event_outbox where id = ?", id).isEmpty());
        }
    }

    private long count(String type) {
        return broker.accepted.stream().filter(accepted -> type.equals(json(accepted.body()).getString("type"))).count();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
