package org.calldesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.calldesk.testsupport.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration guide (docs/integration.md), as external systems use it: REST with API keys (the integration
 * role, revocation, the audit trail), and, with a client the product does not ship (node + rhea,
 * AMQP 1.0), the events topic with a durable subscription and the command queue with correlated
 * replies and a dead-letter queue.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class IntegrationIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final AtomicLong NUMBERS = new AtomicLong(20_000_000 + System.currentTimeMillis() % 70_000_000);

    @Deployment(testable = false)
    static WebArchive application() {
        return TestInfrastructure.calldeskWar();
    }

    @ArquillianResource
    URL base;

    private ApiClient admin;
    private PbxSimulator pbx;

    @BeforeEach
    void connected() {
        admin = new ApiClient(base, "admin", "admin");
        pbx = TestInfrastructure.pbx();
        await("the application connected to the PBX").atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                .until(() -> pbx.amiConnections() > 0);
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.answerAfter(200));
        quietContactCenter();
    }

    /**
     * No call left by an earlier test class (routing would offer it first) and every agent logged
     * out, so agent1 alone takes this class's calls.
     */
    @AfterEach
    void leaveAQuietContactCenter() {
        TestInfrastructure.assertPbxAndApplicationAgree(base);
        quietContactCenter();
    }

    private void quietContactCenter() {
        pbx.channels().forEach(channel -> pbx.hangupChannel(channel.name(), 16));
        await("no call in progress").atMost(WAIT).pollInterval(POLL)
                .until(() -> admin.fetch("calls?limit=100").expect(200).jsonArray().stream().map(JsonValue::asJsonObject)
                        .allMatch(c -> c.getString("status").equals("ENDED")));
        await("every agent logged out").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(admin::stepEveryAgentTowardsLoggedOut);
    }

    @Test
    @DisplayName("API keys: made by an admin and shown once; an integration reads, dials and changes tickets but "
            + "manages nothing; revoked at once; every call audited")
    void apiKeysForIntegrations() {
        JsonObject created = admin.post("integration/keys", Json.createObjectBuilder().add("name", "it-crm").build())
                .expect(201).json();
        String key = created.getString("key");
        String keyId = created.getString("id");
        assertThat(key).startsWith("cdk_").hasSize(47);
        assertThat(created.getString("keyPrefix")).isEqualTo(key.substring(0, 10));
        assertThat(created.getBoolean("active")).isTrue();
        JsonObject listed = admin.fetch("integration/keys").expect(200).jsonArray().stream()
                .map(JsonValue::asJsonObject).filter(k -> k.getString("id").equals(keyId)).findFirst().orElseThrow();
        assertThat(listed.containsKey("key")).as("the key is shown only when made").isFalse();
        assertThat(listed.toString()).doesNotContain(key.substring(10));
        assertProblem(new ApiClient(base, "agent1", "agent1")
                .post("integration/keys", Json.createObjectBuilder().add("name", "mine").build()), 403, "ADMIN_ONLY");

        // what an integration needs: read calls, agents and tickets; make and change tickets
        ApiClient crm = ApiClient.withApiKey(base, key);
        crm.fetch("calls").expect(200);
        crm.fetch("agents/agent1").expect(200);
        ApiClient.withApiKeyHeader(base, key).fetch("tickets").expect(200);
        JsonObject ticket = crm.post("tickets", Json.createObjectBuilder().add("serviceId", "support")
                .add("customerNumber", newNumber()).add("assigneeId", "agent2").add("text", "wrote to us").build())
                .expect(201).json();
        assertThat(ticket.getString("assigneeId")).isEqualTo("agent2");
        assertThat(ticket.getJsonArray("entries").getJsonObject(0).getString("author")).isEqualTo("integration:it-crm");
        crm.post("tickets/" + ticket.getString("id") + "/comments",
                Json.createObjectBuilder().add("text", "called back").build()).expect(201);

        // and nothing else: no agent or service management, no status changes, no keys
        assertProblem(crm.post("agents", Json.createObjectBuilder().add("loginId", "agent9").add("name", "Nine")
                .add("agentNumber", "1099").add("device", "PJSIP/1099").add("role", "AGENT").build()), 403,
                "INTEGRATION_NOT_ALLOWED");
        assertProblem(crm.put("agents/agent1/status", Json.createObjectBuilder().add("status", "READY").build()), 403,
                "INTEGRATION_NOT_ALLOWED");
        assertProblem(crm.post("services/support/sending-numbers",
                Json.createObjectBuilder().add("number", "0299999999").build()), 403, "INTEGRATION_NOT_ALLOWED");
        assertProblem(crm.fetch("integration/audit"), 403, "INTEGRATION_NOT_ALLOWED");
        assertThat(admin.fetch("agents").expect(200).jsonArray().stream().map(a -> a.asJsonObject().getString("id")))
                .doesNotContain("agent9");

        // revoked: the very next call is refused; an unknown key too
        JsonObject revoked = admin.delete("integration/keys/" + keyId).expect(200).json();
        assertThat(revoked.getBoolean("active")).isFalse();
        assertThat(revoked.getString("revokedBy")).isEqualTo("admin");
        ApiClient.Reply refused = crm.fetch("calls");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.challenge()).startsWith("Bearer");
        assertThat(ApiClient.withApiKey(base, "cdk_" + "x".repeat(43)).fetch("calls").status()).isEqualTo(401);

        // the audit trail: who, what, when, how it went, newest first
        List<JsonObject> trail = admin.fetch("integration/audit?keyId=" + keyId).expect(200).jsonArray().stream()
                .map(JsonValue::asJsonObject).toList();
        assertThat(trail).extracting(e -> e.getString("action") + " " + e.getString("target").replaceFirst(".*/api/v1/", "")
                        + " " + e.getInt("outcome"))
                .containsExactly(
                        "GET calls 401",
                        "GET integration/audit 403",
                        "POST services/support/sending-numbers 403",
                        "PUT agents/agent1/status 403",
                        "POST agents 403",
                        "POST tickets/" + ticket.getString("id") + "/comments 201",
                        "POST tickets 201",
                        "GET tickets 200",
                        "GET agents/agent1 200",
                        "GET calls 200");
        assertThat(trail).allSatisfy(entry -> {
            assertThat(entry.getString("keyName")).isEqualTo("it-crm");
            assertThat(entry.getString("channel")).isEqualTo("REST");
            assertThat(entry.getString("at")).isNotBlank();
            assertThat(entry.toString()).doesNotContain(key.substring(4));
        });
        assertThat(trail.get(0).getString("principal")).isEqualTo("integration:it-crm (revoked)");
        assertThat(trail.get(1).getString("principal")).isEqualTo("integration:it-crm");
    }

    @Test
    @DisplayName("An AMQP 1.0 client (node + rhea) follows a whole call on a durable subscription, dials for an agent, "
            + "makes and changes a ticket with correlated replies; a malformed command lands once in the DLQ")
    void externalAmqpClientFollowsACallAndSendsCommands() throws Exception {
        EmbeddedBroker broker = TestInfrastructure.broker();
        try (NodeCrmClient client = NodeCrmClient.start("--host", "127.0.0.1", "--port", Integer.toString(broker.port()),
                "--container", "it-crm", "--subscription", "it-crm-events")) {
            client.awaitLine("subscribed", "the durable subscription");
            client.awaitLine("ready", "the reply queue");

            // a whole inbound call, followed on the topic
            admin.post("agents/agent1/cti-login").expect(200);
            admin.put("agents/agent1/status", Json.createObjectBuilder().add("status", "READY").build()).expect(200);
            String caller = newNumber();
            String pbxCallId = pbx.inboundCall(caller, "15880001").callId();
            String callId = await("agent1 alerted").atMost(WAIT).pollInterval(POLL)
                    .until(() -> admin.fetch("agents/agent1").expect(200).json(),
                            a -> a.getString("status").equals("ALERTING")).getString("callId");
            assertThat(admin.fetch("calls/" + callId).expect(200).json().getString("customerNumber"))
                    .as("the call offered to agent1").isEqualTo(caller);
            admin.act("calls/" + callId + "/confirm").expect(200);
            String ticketId = await("the call connected").atMost(WAIT).pollInterval(POLL)
                    .until(() -> admin.fetch("calls/" + callId).expect(200).json(), c -> c.containsKey("ticketId"))
                    .getString("ticketId");
            client.awaitLine("event", e -> e.getString("subjectId").equals(ticketId), "ticket.created");
            client.awaitLine("event", e -> e.getString("subjectId").equals(callId)
                    && e.getString("type").equals("call.talking"), "call.talking");

            // away for a while: the durable subscription keeps the call's end
            client.tell("detach");
            client.awaitLine("detached", "the events link detached");
            assertThat(pbx.hangupCall(pbxCallId)).isTrue();
            await("the call ended").atMost(WAIT).pollInterval(POLL)
                    .until(() -> admin.fetch("calls/" + callId).expect(200).json().getString("status").equals("ENDED"));
            client.tell("attach");
            client.awaitLine("event", e -> e.getString("subjectId").equals(callId)
                    && e.getString("type").equals("call.ended"), "call.ended after attaching again");

            List<JsonObject> callEvents = events(client, callId);
            assertThat(callEvents).extracting(e -> e.getString("type"))
                    .containsExactly("call.waiting", "call.offered", "call.connecting", "call.talking", "call.ended");
            assertThat(callEvents).extracting(e -> e.getInt("sequence")).containsExactly(1, 2, 3, 4, 5);
            assertThat(callEvents.get(4).getJsonObject("data").getString("endCause")).isEqualTo("CUSTOMER_HANGUP");
            assertThat(callEvents).allSatisfy(e -> assertThat(e.getString("eventType")).isEqualTo(e.getString("type")));
            assertThat(events(client, ticketId)).extracting(e -> e.getString("type")).containsExactly("ticket.created");
            assertThat(events(client, ticketId).get(0).getJsonObject("data").getString("callId")).isEqualTo(callId);

            // click-to-dial on agent1's behalf: the reply is correlated, and agent1's phone dials
            admin.post("agents/agent1/after-call/cancel").expect(200);
            String customer = newNumber();
            client.tell(send("dial-1", Json.createObjectBuilder().add("command", "dial").add("agentId", "agent1")
                    .add("serviceId", "support").add("customerNumber", customer).add("sendingNumber", "0215880001")
                    .build().toString()));
            JsonObject dialled = client.awaitLine("reply", r -> "dial-1".equals(r.getString("correlationId", null)),
                    "the reply to dial-1");
            assertThat(dialled.getString("status")).isEqualTo("ok");
            JsonObject result = dialled.getJsonObject("body").getJsonObject("result");
            assertThat(result.getString("agentId")).isEqualTo("agent1");
            assertThat(result.getString("direction")).isEqualTo("OUTBOUND");
            assertThat(result.getString("customerNumber")).isEqualTo(customer);
            String outboundId = result.getString("id");
            await("agent1's phone dials the customer").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
                assertThat(admin.fetch("calls/" + outboundId).expect(200).json().getString("status")).isEqualTo("TALKING");
                assertThat(pbx.channels()).anySatisfy(c -> assertThat(c.device()).isEqualTo("PJSIP/1001"));
                assertThat(pbx.channels()).anySatisfy(c -> assertThat(c.callerIdNum()).isEqualTo(customer));
            });
            client.awaitLine("event", e -> e.getString("subjectId").equals(outboundId)
                    && e.getString("type").equals("call.talking"), "the outbound call talking");
            String outboundTicket = admin.fetch("calls/" + outboundId).expect(200).json().getString("ticketId");

            // ticket commands: create one without a call, comment on the call's ticket
            client.tell(send("create-1", Json.createObjectBuilder().add("command", "ticket.create")
                    .add("serviceId", "support").add("customerNumber", customer).add("assigneeId", "agent1")
                    .add("text", "asked by e-mail as well").build().toString()));
            JsonObject createdReply = client.awaitLine("reply",
                    r -> "create-1".equals(r.getString("correlationId", null)), "the reply to create-1");
            assertThat(createdReply.getString("status")).isEqualTo("ok");
            String newTicket = createdReply.getJsonObject("body").getJsonObject("result").getString("id");
            client.tell(send("comment-1", Json.createObjectBuilder().add("command", "ticket.comment")
                    .add("ticketId", outboundTicket).add("text", "CRM: follow-up booked").build().toString()));
            assertThat(client.awaitLine("reply", r -> "comment-1".equals(r.getString("correlationId", null)),
                    "the reply to comment-1").getString("status")).isEqualTo("ok");
            client.awaitLine("event", e -> e.getString("subjectId").equals(newTicket)
                    && e.getString("type").equals("ticket.commented"), "the new ticket's comment");
            client.awaitLine("event", e -> e.getString("subjectId").equals(outboundTicket)
                    && e.getString("type").equals("ticket.commented"), "the comment on the call's ticket");
            assertThat(events(client, newTicket)).extracting(e -> e.getString("type"))
                    .containsExactly("ticket.created", "ticket.commented");
            admin.act("calls/" + outboundId + "/hangup").expect(200);

            // a malformed command: a "malformed" reply, once, and the command on the DLQ with the reason
            long deadBefore = broker.messageCount(EmbeddedBroker.COMMAND_DEAD_LETTER_QUEUE);
            client.tell(send("bad-1", "dial agent1, please"));
            JsonObject malformed = client.awaitLine("reply", r -> "bad-1".equals(r.getString("correlationId", null)),
                    "the reply to bad-1");
            assertThat(malformed.getString("status")).isEqualTo("malformed");
            assertThat(malformed.getJsonObject("body").getString("detail")).startsWith("not JSON");
            await("the malformed command taken off the queue and dead-lettered").atMost(WAIT).pollInterval(POLL)
                    .untilAsserted(() -> {
                        assertThat(broker.messageCount(EmbeddedBroker.COMMAND_QUEUE)).isZero();
                        assertThat(broker.messageCount(EmbeddedBroker.COMMAND_DEAD_LETTER_QUEUE)).isEqualTo(deadBefore + 1);
                    });
            client.tell("dlq");
            JsonObject dead = client.awaitLine("dead-letter", d -> "dial agent1, please".equals(d.getString("body", null)),
                    "the malformed command on the DLQ");
            assertThat(dead.getString("reason")).startsWith("not JSON");
            assertThat(client.lines("reply").stream().filter(r -> "bad-1".equals(r.getString("correlationId", null))))
                    .as("one reply to the malformed command, no redelivery").hasSize(1);

            assertThat(client.lines("error")).isEmpty();
            assertThat(client.unreadable()).isEmpty();
            assertThat(client.exit()).as("%s", client).isZero();
        }

        // the commands are in the audit trail, as the command queue's integration
        List<String> audited = admin.fetch("integration/audit?limit=50").expect(200).jsonArray().stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getString("channel").equals("JMS"))
                .map(e -> e.getString("action") + " " + e.getInt("outcome")).toList();
        assertThat(audited).contains("dial 200", "ticket.create 200", "ticket.comment 200", "malformed 400");
    }

    private static List<JsonObject> events(NodeCrmClient client, String subjectId) {
        return client.lines("event").stream().filter(e -> e.getString("subjectId").equals(subjectId)).toList();
    }

    private static JsonObject send(String correlationId, String body) {
        return Json.createObjectBuilder().add("op", "send").add("correlationId", correlationId).add("body", body).build();
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.code()).as("%s", reply).isEqualTo(code);
    }

    private static String newNumber() {
        return "010" + NUMBERS.incrementAndGet();
    }
}
