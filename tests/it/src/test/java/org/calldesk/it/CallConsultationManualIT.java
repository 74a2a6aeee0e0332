package org.calldesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.calldesk.pbxsim.ChannelInfo;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.calldesk.testsupport.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every sentence of the product manual's "Call Consultation" page
 * ({@code product-manual-call-consultation.md}), walked through the REST API against the real
 * stack: calldesk.war on Payara Micro, the PBX simulator over AMI, the PBX resource adapter,
 * the durable PBX event queue on Artemis, the EJB services and the database. The simulator plays
 * the customers and the phones; what the application did is read back from the REST API, from
 * the simulator's channels (what the PBX was told to do) and from the events topic.
 *
 * <p>Demo data: services {@code support} (15880001; agent1, agent2, admin) and {@code sales}
 * (15880002; agent1, agent3, admin); agents on PJSIP/1001..1003, admin on PJSIP/1009.
 *
 * <p>The tests share one deployment and one simulator, so before each test (and once after the
 * last) every channel is hung up, every phone and customer script is reset and every agent is
 * brought back to Logged out through the admin API; each test then logs in only the agents it
 * needs, uses caller numbers of its own, and puts back any setting it changes. They run one after
 * the other (JUnit's default), in any order. Waits poll the REST API (or the simulator, or the
 * events received) with a bound; nothing sleeps.
 *
 * <p>Requests that change a call are sent as docs/api.md asks of clients: answered 409
 * {@code CONCURRENT_CHANGE}, they are sent again ({@link ApiClient#act}).
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class CallConsultationManualIT {

    private static final String SUPPORT_NUMBER = "15880001";
    private static final String SALES_NUMBER = "15880002";
    private static final Map<String, String> DEVICES = Map.of("agent1", "PJSIP/1001", "agent2", "PJSIP/1002",
            "agent3", "PJSIP/1003", "admin", "PJSIP/1009");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final AtomicLong NUMBERS = new AtomicLong(10_000_000 + System.currentTimeMillis() % 80_000_000);

    private static EventTopicRecorder events;
    /** The last test instance, whose clients the class's clean-up uses. */
    private static CallConsultationManualIT cleanup;

    @Deployment(testable = false)
    static WebArchive application() {
        return TestInfrastructure.calldeskWar();
    }

    @ArquillianResource
    URL base;

    private ApiClient admin;
    private ApiClient agent1;
    private ApiClient agent2;
    private ApiClient agent3;
    private PbxSimulator pbx;
    private int mark;

    @BeforeAll
    static void subscribeToTheEventsTopic() {
        events = new EventTopicRecorder(TestInfrastructure.brokerUrl());
    }

    /** Leaves the contact center as the next test class expects it: nobody logged in, no call. */
    @AfterAll
    static void leaveAQuietContactCenter() {
        try {
            if (cleanup != null) {
                cleanup.quietContactCenter();
                for (String serviceId : List.of("support", "sales")) {
                    JsonObject service = cleanup.admin.fetch("services/" + serviceId).expect(200).json();
                    if (service.getInt("offerTimeoutSeconds") != 20) {
                        cleanup.admin.put("services/" + serviceId, serviceBody(service, 20)).expect(200);
                    }
                }
            }
        } finally {
            events.close();
        }
    }

    @BeforeEach
    void startFromAQuietContactCenter() {
        admin = new ApiClient(base, "admin", "admin");
        agent1 = new ApiClient(base, "agent1", "agent1");
        agent2 = new ApiClient(base, "agent2", "agent2");
        agent3 = new ApiClient(base, "agent3", "agent3");
        pbx = TestInfrastructure.pbx();
        cleanup = this;
        await("the application connected to the PBX").atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                .until(() -> pbx.amiConnections() > 0);
        quietContactCenter();
        mark = events.mark();
    }

    @AfterEach
    void thePbxAndTheApplicationAgree() {
        TestInfrastructure.assertPbxAndApplicationAgree(base);
    }

    // ------------------------------------------------------------------ CTI login, base status

    @Test
    @DisplayName("CTI login into Rest; Rest, Ready, Business with each reason; Logout; refused logins say why")
    void ctiLoginAndBaseStatuses() {
        // Login: an agent registered in CTI Agent Management, whose phone is available
        JsonObject me = agent1.post("agents/me/cti-login").expect(200).json();
        assertThat(me.getString("id")).isEqualTo("agent1");
        assertThat(me.getString("status")).isEqualTo("REST");
        assertThat(me.getString("device")).isEqualTo("PJSIP/1001");
        assertThat(me.containsKey("statusSince")).isTrue();
        assertThat(me.getJsonNumber("secondsInStatus").longValue()).isGreaterThanOrEqualTo(0);

        // already logged in (elsewhere): refused, and nothing changes
        long sequence = agent("agent1").getJsonNumber("sequence").longValue();
        assertProblem(agent1.post("agents/agent1/cti-login"), 409, "ALREADY_LOGGED_IN");
        assertThat(agent("agent1").getJsonNumber("sequence").longValue()).isEqualTo(sequence);

        // Ready: call requests are allocated
        assertThat(chooseStatus(agent1, "agent1", "READY", null).getString("status")).isEqualTo("READY");
        // Business: Education, Report, Meeting, Ticket, Chat, Monitor
        for (String reason : List.of("EDUCATION", "REPORT", "MEETING", "TICKET", "CHAT", "MONITOR")) {
            JsonObject business = chooseStatus(agent1, "me", "BUSINESS", reason);
            assertThat(business.getString("status")).isEqualTo("BUSINESS");
            assertThat(business.getString("businessReason")).isEqualTo(reason);
        }
        assertProblem(agent1.put("agents/me/status", Json.createObjectBuilder().add("status", "BUSINESS").build()),
                400, "BAD_INPUT");
        assertProblem(agent1.put("agents/me/status", statusBody("BUSINESS", "LUNCH")), 400, "BAD_INPUT");
        assertProblem(agent1.put("agents/me/status", statusBody("TALKING", null)), 400, "BAD_INPUT");
        assertThat(agent("agent1").getString("businessReason")).isEqualTo("MONITOR");
        // Rest: not allocated
        JsonObject rest = chooseStatus(agent1, "me", "REST", null);
        assertThat(rest.getString("status")).isEqualTo("REST");
        assertThat(rest.containsKey("businessReason")).isFalse();

        // another agent's status is not theirs to change
        assertProblem(agent2.put("agents/agent1/status", statusBody("READY", null)), 403, "NOT_YOURS");
        assertProblem(agent2.post("agents/agent1/cti-logout"), 403, "NOT_YOURS");
        assertThat(agent("agent1").getString("status")).isEqualTo("REST");

        // the status history keeps every change with its time
        JsonArray history = agent1.fetch("agents/me/status-history?limit=20").expect(200).jsonArray();
        List<String> statuses = history.stream().map(JsonValue::asJsonObject).map(c -> c.getString("status")).toList();
        assertThat(statuses.subList(0, 9)).containsExactly("REST", "BUSINESS", "BUSINESS", "BUSINESS", "BUSINESS",
                "BUSINESS", "BUSINESS", "READY", "REST");
        JsonObject lastChange = history.getJsonObject(0);
        assertThat(lastChange.getString("previousStatus")).isEqualTo("BUSINESS");
        assertThat(lastChange.getString("previousBusinessReason")).isEqualTo("MONITOR");
        assertThat(lastChange.getJsonNumber("previousDurationMillis").longValue()).isGreaterThanOrEqualTo(0);

        // Logout
        assertThat(agent1.post("agents/me/cti-logout").expect(200).json().getString("status")).isEqualTo("LOGGED_OUT");
        assertProblem(agent1.post("agents/me/cti-logout"), 409, "NOT_LOGGED_IN");
        assertProblem(agent1.put("agents/me/status", statusBody("READY", null)), 409, "NOT_LOGGED_IN");

        // the FAQ "I have problems with CTI login": a refused login says why
        pbx.setPhoneRegistered("PJSIP/1001", false);
        ApiClient.Reply unreachable = agent1.post("agents/me/cti-login");
        assertProblem(unreachable, 409, "PHONE_UNAVAILABLE");
        assertThat(unreachable.json().getString("detail")).contains("PJSIP/1001");
        assertThat(agent("agent1").getString("status")).isEqualTo("LOGGED_OUT");
        pbx.setPhoneRegistered("PJSIP/1001", true);
        assertProblem(admin.post("agents/nobody/cti-login"), 404, "NOT_REGISTERED");
        assertProblem(agent2.post("agents/agent1/cti-login"), 403, "NOT_YOURS");
        assertThat(agent1.post("agents/me/cti-login").expect(200).json().getString("status")).isEqualTo("REST");

        events.awaitStreamSince(mark, "agent", "agent1", "agent.rest", "agent.ready", "agent.business",
                "agent.rest", "agent.logged_out", "agent.rest");
    }

    @Test
    @DisplayName("CTI login while the PBX is down: refused with the reason; once the PBX is back, login works")
    void ctiLoginRefusedWhileThePbxIsDown() {
        pbx.close();
        try {
            assertProblem(agent1.post("agents/me/cti-login"), 503, "PBX_DOWN");
            assertThat(agent("agent1").getString("status")).isEqualTo("LOGGED_OUT");
        } finally {
            pbx.start();
        }
        DEVICES.values().forEach(device -> pbx.setPhoneRegistered(device, true));
        ApiClient.Reply loggedIn = await("CTI login once the PBX is back").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> agent1.post("agents/me/cti-login"), reply -> reply.status() != 503);
        assertThat(loggedIn.expect(200).json().getString("status")).isEqualTo("REST");
    }

    // ------------------------------------------------------------------ Inbound call

    @Test
    @DisplayName("Inbound: alert to the Ready agent, Confirm connects and creates the service's ticket; "
            + "Hang up; finish-call Confirm -> Ready")
    void inboundAlertConfirmHangUpAndFinishWithConfirm() {
        logIn("agent2", "READY");
        String caller = newNumber();
        String pbxCallId = pbx.inboundCall(caller, SUPPORT_NUMBER).callId();

        // the alert: the agent's status shows the call, which is offered to them
        JsonObject alerted = awaitAgent(agent2, "ALERTING");
        String callId = alerted.getString("callId");
        JsonObject offered = call(callId);
        assertThat(offered.getString("status")).isEqualTo("OFFERED");
        assertThat(offered.getString("direction")).isEqualTo("INBOUND");
        assertThat(offered.getString("agentId")).isEqualTo("agent2");
        assertThat(offered.getString("serviceId")).isEqualTo("support");
        assertThat(offered.getString("serviceNumber")).isEqualTo(SUPPORT_NUMBER);
        assertThat(offered.getString("customerNumber")).isEqualTo(caller);
        assertThat(offered.getString("pbxCallId")).isEqualTo(pbxCallId);
        assertThat(Instant.parse(offered.getString("offerExpiresAt")))
                .isAfter(Instant.parse(offered.getString("offeredAt")));
        assertThat(offered.containsKey("ticketId")).isFalse();
        assertThat(customerChannel(pbxCallId).application()).isEqualTo("MusicOnHold");

        // only the agent it is offered to may take it; an unknown call is 404
        assertProblem(agent1.post("calls/" + callId + "/confirm"), 403, "NOT_YOURS");
        assertProblem(agent2.post("calls/" + UUID.randomUUID() + "/confirm"), 404, "UNKNOWN_CALL");
        assertProblem(agent2.fetch("calls/" + UUID.randomUUID()), 404, "UNKNOWN_CALL");

        // Confirm: the agent's phone rings (Connecting, no ticket yet); answered, the call is
        // connected: Talking, a ticket of the called service with the caller's number
        JsonObject connecting = agent2.act("calls/" + callId + "/confirm").expect(200).json();
        assertThat(connecting.getString("status")).isIn("CONNECTING", "TALKING");
        JsonObject talking = awaitCall(callId, "TALKING");
        assertThat(talking.getString("connectedAt")).isNotBlank();
        String ticketId = talking.getString("ticketId");
        JsonObject me = agent2.fetch("agents/me").expect(200).json();
        assertThat(me.getString("status")).isEqualTo("TALKING");
        assertThat(me.getString("callId")).isEqualTo(callId);
        awaitBridged(pbxCallId, "PJSIP/1002");

        JsonObject ticket = ticket(agent2, ticketId);
        assertThat(ticket.getString("serviceId")).isEqualTo("support");
        assertThat(ticket.getString("customerNumber")).isEqualTo(caller);
        assertThat(ticket.getString("callId")).isEqualTo(callId);
        assertThat(ticket.getString("status")).isEqualTo("OPEN");
        assertThat(ticket.getString("assigneeId")).isEqualTo("agent2");
        assertThat(entryKinds(ticket)).containsExactly("CREATED");

        // a second Confirm, and a change the status table forbids, are refused and change nothing
        long agentSequence = me.getJsonNumber("sequence").longValue();
        assertProblem(agent2.post("calls/" + callId + "/confirm"), 409, "CALL_NOT_OFFERED");
        assertProblem(agent2.put("agents/me/status", statusBody("READY", null)), 409, "STATUS_TRANSITION_REFUSED");
        assertProblem(agent2.post("agents/me/cti-logout"), 409, "STATUS_TRANSITION_REFUSED");
        assertProblem(agent2.post("agents/me/after-call/confirm"), 409, "NOT_AFTER_CALL");
        assertThat(agent("agent2").getJsonNumber("sequence").longValue()).isEqualTo(agentSequence);
        assertThat(call(callId).getString("status")).isEqualTo("TALKING");
        assertThat(tickets(caller)).hasSize(1);

        // another agent may not hang up this call
        assertProblem(agent1.post("calls/" + callId + "/hangup"), 403, "NOT_YOURS");
        assertProblem(agent2.post("calls/" + UUID.randomUUID() + "/hangup"), 404, "UNKNOWN_CALL");

        // Hang up: the call is finished; the finish-call prompt (After call) is open
        JsonObject ended = agent2.act("calls/" + callId + "/hangup").expect(200).json();
        assertThat(ended.getString("status")).isEqualTo("ENDED");
        assertThat(ended.getString("endCause")).isEqualTo("AGENT_HANGUP");
        assertThat(ended.getString("endedAt")).isNotBlank();
        JsonObject afterCall = agent("agent2");
        assertThat(afterCall.getString("status")).isEqualTo("AFTER_CALL");
        assertThat(afterCall.getString("callId")).isEqualTo(callId);
        awaitPbxCallGone(pbxCallId);

        // finish-call Confirm: Ready
        JsonObject ready = agent2.act("agents/me/after-call/confirm").expect(200).json();
        assertThat(ready.getString("status")).isEqualTo("READY");
        assertThat(ready.containsKey("callId")).isFalse();
        assertThat(call(callId).getString("endCause")).isEqualTo("AGENT_HANGUP");

        events.awaitWholeStream("call", callId, "call.waiting", "call.offered", "call.connecting", "call.talking",
                "call.ended");
        events.awaitWholeStream("ticket", ticketId, "ticket.created");
        events.awaitStreamSince(mark, "agent", "agent2", "agent.ready", "agent.alerting", "agent.talking",
                "agent.after_call", "agent.ready");
    }

    @Test
    @DisplayName("Inbound: Cancel sends the call to the next Ready agent; the agent gets calls again after Ready; "
            + "customer hangs up; finish-call Cancel -> Business: Ticket")
    void inboundCancelGoesToTheNextReadyAgent() {
        logIn("agent2", "READY");
        logIn("agent1", "READY"); // Ready after agent2: agent2 has been idle longest
        String caller = newNumber();
        String pbxCallId = pbx.inboundCall(caller, SUPPORT_NUMBER).callId();

        String callId = awaitAgent(agent2, "ALERTING").getString("callId");
        assertThat(agent("agent1").getString("status")).isEqualTo("READY");

        // Cancel: the call goes back to find Ready agents; this agent leaves Ready (Rest)
        JsonObject cancelled = agent2.act("calls/" + callId + "/cancel").expect(200).json();
        assertThat(cancelled.getString("status")).isEqualTo("WAITING");
        assertThat(agent("agent2").getString("status")).isEqualTo("REST");
        JsonObject next = awaitAgent(agent1, "ALERTING");
        assertThat(next.getString("callId")).isEqualTo(callId);
        assertThat(call(callId).getString("agentId")).isEqualTo("agent1");

        // the second agent cancels too: nobody is Ready, the caller keeps waiting (music)
        agent1.act("calls/" + callId + "/cancel").expect(200);
        assertThat(agent("agent1").getString("status")).isEqualTo("REST");
        assertThat(call(callId).getString("status")).isEqualTo("WAITING");
        assertThat(customerChannel(pbxCallId).application()).isEqualTo("MusicOnHold");
        assertProblem(agent2.post("calls/" + callId + "/confirm"), 409, "CALL_NOT_OFFERED");

        // once the agent is Ready again, they receive the call again
        chooseStatus(agent2, "me", "READY", null);
        assertThat(awaitAgent(agent2, "ALERTING").getString("callId")).isEqualTo(callId);
        agent2.act("calls/" + callId + "/confirm").expect(200);
        JsonObject talking = awaitCall(callId, "TALKING");
        assertThat(talking.getString("agentId")).isEqualTo("agent2");
        awaitBridged(pbxCallId, "PJSIP/1002");
        assertThat(agent("agent1").getString("status")).isEqualTo("REST");
        assertThat(tickets(caller)).hasSize(1);

        // the customer hangs up: the call is over, the finish-call prompt is open
        pbx.hangupCall(pbxCallId);
        JsonObject ended = awaitCall(callId, "ENDED");
        assertThat(ended.getString("endCause")).isEqualTo("CUSTOMER_HANGUP");
        awaitAgent(agent2, "AFTER_CALL");

        // finish-call Cancel: Business (Ticket), to process the call's ticket
        JsonObject business = agent2.act("agents/me/after-call/cancel").expect(200).json();
        assertThat(business.getString("status")).isEqualTo("BUSINESS");
        assertThat(business.getString("businessReason")).isEqualTo("TICKET");
        String ticketId = talking.getString("ticketId");
        JsonObject resolved = agent2.post("tickets/" + ticketId + "/resolve").expect(200).json();
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");

        List<JsonObject> stream = events.awaitWholeStream("call", callId, "call.waiting", "call.offered",
                "call.waiting", "call.offered", "call.waiting", "call.offered", "call.connecting", "call.talking",
                "call.ended");
        assertThat(stream.stream().filter(e -> e.getString("type").equals("call.offered"))
                .map(e -> e.getJsonObject("data").getString("agentId")).toList())
                .containsExactly("agent2", "agent1", "agent2");
        events.awaitStreamSince(mark, "agent", "agent2", "agent.alerting", "agent.rest", "agent.ready",
                "agent.alerting", "agent.talking", "agent.after_call", "agent.business");
        events.awaitStreamSince(mark, "agent", "agent1", "agent.ready", "agent.alerting", "agent.rest");
    }

    @Test
    @DisplayName("Inbound: an offer not confirmed within the service's offer timeout goes to the next agent")
    void offerTimeoutGoesToTheNextAgent() {
        JsonObject support = admin.fetch("services/support").expect(200).json();
        assertProblem(admin.put("services/support", serviceBody(support, 4)), 400, "BAD_INPUT");
        assertProblem(agent1.put("services/support", serviceBody(support, 5)), 403, "ADMIN_ONLY");
        assertThat(admin.fetch("services/support").expect(200).json().getInt("offerTimeoutSeconds"))
                .isEqualTo(support.getInt("offerTimeoutSeconds"));
        try {
            assertThat(admin.put("services/support", serviceBody(support, 5)).expect(200).json()
                    .getInt("offerTimeoutSeconds")).isEqualTo(5);
            logIn("agent2", "READY");
            logIn("agent1", "READY");
            String caller = newNumber();
            String pbxCallId = pbx.inboundCall(caller, SUPPORT_NUMBER).callId();

            String callId = awaitAgent(agent2, "ALERTING").getString("callId");
            JsonObject firstOffer = call(callId);
            Instant offeredAt = Instant.parse(firstOffer.getString("offeredAt"));
            assertThat(Duration.between(offeredAt, Instant.parse(firstOffer.getString("offerExpiresAt"))))
                    .isEqualTo(Duration.ofSeconds(5));

            // nobody confirms: after the offer timeout the agent is in Rest, the call alerts the next agent
            JsonObject next = await("the offer to move on to agent1").atMost(Duration.ofSeconds(15)).pollInterval(POLL)
                    .until(() -> agent("agent1"), a -> a.getString("status").equals("ALERTING"));
            assertThat(next.getString("callId")).isEqualTo(callId);
            JsonObject secondOffer = call(callId);
            assertThat(Duration.between(offeredAt, Instant.parse(secondOffer.getString("offeredAt"))))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(agent("agent2").getString("status")).isEqualTo("REST");
            assertProblem(agent2.post("calls/" + callId + "/confirm"), 403, "NOT_YOURS");

            // (the caller gives up: whether or not agent1's 5 s ran out meanwhile, the call is abandoned)
            pbx.hangupCall(pbxCallId);
            assertThat(awaitCall(callId, "ENDED").getString("endCause")).isEqualTo("ABANDONED");
            events.awaitStreamContaining("call", callId, "call.waiting", "call.offered", "call.waiting",
                    "call.offered", "call.ended");
        } finally {
            admin.put("services/support", serviceBody(support, support.getInt("offerTimeoutSeconds"))).expect(200);
        }
    }

    @Test
    @DisplayName("Inbound: the caller hangs up while waiting, and while offered: abandoned, agent Ready, no ticket")
    void callerAbandonsWhileWaitingAndWhileOffered() {
        // while waiting: no agent of the service is Ready
        String waitingCaller = newNumber();
        String waitingPbxId = pbx.inboundCall(waitingCaller, SUPPORT_NUMBER).callId();
        JsonObject waiting = awaitCallOf(waitingCaller, c -> c.getString("status").equals("WAITING"));
        pbx.hangupCall(waitingPbxId);
        JsonObject abandoned = awaitCall(waiting.getString("id"), "ENDED");
        assertThat(abandoned.getString("endCause")).isEqualTo("ABANDONED");
        assertThat(abandoned.containsKey("ticketId")).isFalse();
        assertThat(tickets(waitingCaller)).isEmpty();
        events.awaitWholeStream("call", waiting.getString("id"), "call.waiting", "call.ended");

        // while offered: the agent is Ready again
        logIn("agent2", "READY");
        String offeredCaller = newNumber();
        String offeredPbxId = pbx.inboundCall(offeredCaller, SUPPORT_NUMBER).callId();
        String callId = awaitAgent(agent2, "ALERTING").getString("callId");
        pbx.hangupCall(offeredPbxId);
        JsonObject ended = awaitCall(callId, "ENDED");
        assertThat(ended.getString("endCause")).isEqualTo("ABANDONED");
        assertThat(ended.containsKey("ticketId")).isFalse();
        JsonObject ready = awaitAgent(agent2, "READY");
        assertThat(ready.containsKey("callId")).isFalse();
        assertThat(tickets(offeredCaller)).isEmpty();
        assertProblem(agent2.post("calls/" + callId + "/confirm"), 409, "CALL_NOT_OFFERED");
        assertThat(tickets(offeredCaller)).isEmpty();

        events.awaitWholeStream("call", callId, "call.waiting", "call.offered", "call.ended");
        events.awaitStreamSince(mark, "agent", "agent2", "agent.ready", "agent.alerting", "agent.ready");
    }

    // ------------------------------------------------------------------ Outbound call

    @Test
    @DisplayName("Dial up: refused clearly for a malformed number or another service's sending number; "
            + "busy -> back to the status before; answered -> Talking and a ticket")
    void dialUpBusyAndAnswered() {
        logIn("agent3", "BUSINESS", "MEETING");
        JsonObject before = agent("agent3");
        assertThat(agent3.fetch("services/sales/sending-numbers").expect(200).jsonArray().getString(0))
                .isEqualTo(SALES_NUMBER);
        int callsBefore = admin.fetch("calls?limit=500").expect(200).jsonArray().size();

        // refused before anything happens
        assertProblem(agent3.post("calls", dialBody("sales", "010-1234", SALES_NUMBER)), 400, "BAD_CUSTOMER_NUMBER");
        assertProblem(agent3.post("calls", dialBody("sales", "12", SALES_NUMBER)), 400, "BAD_CUSTOMER_NUMBER");
        assertProblem(agent3.post("calls", dialBody("sales", newNumber(), "0215880001")), 400, "UNKNOWN_SENDING_NUMBER");
        assertProblem(agent3.post("calls", dialBody("support", newNumber(), "0215880001")), 400, "NOT_IN_SERVICE");
        assertProblem(agent3.post("calls", dialBody("nosuchservice", newNumber(), SALES_NUMBER)), 404, "UNKNOWN_SERVICE");
        assertProblem(agent3.post("calls", Json.createObjectBuilder().add("serviceId", "sales")
                .add("customerNumber", newNumber()).add("sendingNumber", SALES_NUMBER).add("agentId", "agent1").build()),
                403, "NOT_YOURS");
        assertThat(agent("agent3").getJsonNumber("sequence").longValue())
                .isEqualTo(before.getJsonNumber("sequence").longValue());
        assertThat(admin.fetch("calls?limit=500").expect(200).jsonArray()).hasSize(callsBefore);
        assertThat(pbx.channelCount()).isZero();

        // busy: Dialing, then back to Business: Meeting, and the call says why
        String busyCustomer = newNumber();
        pbx.setCustomerBehaviour(busyCustomer, Behaviour.busy());
        JsonObject dialling = agent3.post("calls", dialBody("sales", busyCustomer, SALES_NUMBER)).expect(201).json();
        assertThat(dialling.getString("status")).isIn("DIALING", "ENDED");
        assertThat(dialling.getString("direction")).isEqualTo("OUTBOUND");
        assertThat(dialling.getString("sendingNumber")).isEqualTo(SALES_NUMBER);
        assertThat(dialling.getString("agentId")).isEqualTo("agent3");
        String busyCallId = dialling.getString("id");
        JsonObject busy = awaitCall(busyCallId, "ENDED");
        assertThat(busy.getString("endCause")).isEqualTo("BUSY");
        assertThat(busy.containsKey("ticketId")).isFalse();
        JsonObject back = awaitAgent(agent3, "BUSINESS");
        assertThat(back.getString("businessReason")).isEqualTo("MEETING");
        assertThat(tickets(busyCustomer)).isEmpty();
        events.awaitWholeStream("call", busyCallId, "call.dialing", "call.dialing", "call.ended");

        // Send No Management (admin): a new sending number of the service, offered by Dial up at once
        String newSendingNumber = "0215880002";
        assertProblem(agent3.post("services/sales/sending-numbers", number(newSendingNumber)), 403, "ADMIN_ONLY");
        admin.post("services/sales/sending-numbers", number(newSendingNumber)).expect(200);
        try {
            assertThat(agent3.fetch("services/sales/sending-numbers").expect(200).jsonArray().stream()
                    .map(v -> ((jakarta.json.JsonString) v).getString())).containsExactlyInAnyOrder(SALES_NUMBER,
                    newSendingNumber);

            // answered: Dialing while the phone rings, then Talking, and a ticket of the service the call was made for
            pbx.setPhoneBehaviour("PJSIP/1003", Behaviour.answerAfter(1000));
            String customer = newNumber();
            JsonObject placed = agent3.post("calls", dialBody("sales", customer, newSendingNumber)).expect(201).json();
            String callId = placed.getString("id");
            JsonObject dialing = agent3.fetch("agents/me").expect(200).json();
            assertThat(dialing.getString("status")).isEqualTo("DIALING");
            assertThat(dialing.getString("callId")).isEqualTo(callId);
            JsonObject talking = awaitCall(callId, "TALKING");
            assertThat(talking.getString("connectedAt")).isNotBlank();
            assertThat(talking.getString("sendingNumber")).isEqualTo(newSendingNumber);
            JsonObject me = agent3.fetch("agents/me").expect(200).json();
            assertThat(me.getString("status")).isEqualTo("TALKING");
            assertThat(me.getString("callId")).isEqualTo(callId);
            awaitBridged(talking.getString("pbxCallId"), "PJSIP/1003");
            ChannelInfo customerLeg = customerChannel(talking.getString("pbxCallId"));
            assertThat(customerLeg.callerIdNum()).isEqualTo(customer);
            assertThat(customerLeg.connectedLineNum()).as("the number the customer sees").isEqualTo(newSendingNumber);
            JsonObject ticket = ticket(agent3, talking.getString("ticketId"));
            assertThat(ticket.getString("serviceId")).isEqualTo("sales");
            assertThat(ticket.getString("customerNumber")).isEqualTo(customer);
            assertThat(ticket.getString("callId")).isEqualTo(callId);
            assertThat(ticket.getString("assigneeId")).isEqualTo("agent3");

            agent3.act("calls/" + callId + "/hangup").expect(200);
            awaitAgent(agent3, "AFTER_CALL");
            events.awaitWholeStream("call", callId, "call.dialing", "call.dialing", "call.talking", "call.ended");
            events.awaitStreamSince(mark, "agent", "agent3", "agent.dialing", "agent.business", "agent.dialing",
                    "agent.talking", "agent.after_call");
        } finally {
            admin.delete("services/sales/sending-numbers/" + newSendingNumber).expect(200);
        }
        assertProblem(agent3.post("calls", dialBody("sales", newNumber(), newSendingNumber)), 400,
                "UNKNOWN_SENDING_NUMBER");
    }

    @Test
    @DisplayName("The call function is switched on per service: switched off, no Dial up and no routing")
    void callFunctionSwitchedOffForAService() {
        logIn("agent3", "READY");
        JsonObject sales = admin.fetch("services/sales").expect(200).json();
        assertThat(sales.getBoolean("callEnabled")).isTrue();
        String pbxCallId = null;
        try {
            admin.put("services/sales", Json.createObjectBuilder(serviceBody(sales, sales.getInt("offerTimeoutSeconds")))
                    .add("callEnabled", false).build()).expect(200);
            assertProblem(agent3.post("calls", dialBody("sales", newNumber(), SALES_NUMBER)), 409, "CALLS_DISABLED");
            assertThat(agent("agent3").getString("status")).isEqualTo("READY");

            String caller = newNumber();
            pbxCallId = pbx.inboundCall(caller, SALES_NUMBER).callId();
            JsonObject call = awaitCallOf(caller, c -> c.getString("status").equals("WAITING"));
            assertThat(call.containsKey("serviceId")).isFalse();
            await("agent3 not offered the call").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> agent("agent3").getString("status"), "READY"::equals);
        } finally {
            if (pbxCallId != null) {
                pbx.hangupCall(pbxCallId);
            }
            admin.put("services/sales", serviceBody(sales, sales.getInt("offerTimeoutSeconds"))).expect(200);
        }
    }

    // ------------------------------------------------------------------ Process call

    @Test
    @DisplayName("Hold: music for the customer, agent Holding; Retrieve reconnects; Disconnect: announcement, "
            + "then the call ends, who and when recorded")
    void holdRetrieveAndDisconnect() {
        Connected call = inboundConnected(agent2, "agent2");

        // Hold: music to the customer, Holding
        assertProblem(agent1.post("calls/" + call.id + "/hold"), 403, "NOT_YOURS");
        assertProblem(agent2.post("calls/" + UUID.randomUUID() + "/hold"), 404, "UNKNOWN_CALL");
        JsonObject held = agent2.act("calls/" + call.id + "/hold").expect(200).json();
        assertThat(held.getString("status")).isEqualTo("HOLDING");
        assertThat(agent("agent2").getString("status")).isEqualTo("HOLDING");
        await("the customer hears music").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            ChannelInfo customer = customerChannel(call.pbxCallId);
            assertThat(customer.application()).isEqualTo("MusicOnHold");
            assertThat(customer.context()).isEqualTo("calldesk-hold");
            assertThat(customer.bridgeId()).isEmpty();
        });
        assertProblem(agent2.put("agents/me/status", statusBody("REST", null)), 409, "STATUS_TRANSITION_REFUSED");
        assertProblem(agent2.post("calls/" + call.id + "/transfer", target("agent1")), 409, "CALL_STATUS");

        // Retrieve: Talking again
        assertProblem(agent1.post("calls/" + call.id + "/retrieve"), 403, "NOT_YOURS");
        JsonObject retrieved = agent2.act("calls/" + call.id + "/retrieve").expect(200).json();
        assertThat(retrieved.getString("status")).isEqualTo("TALKING");
        awaitBridged(call.pbxCallId, "PJSIP/1002");
        awaitCall(call.id, "TALKING");
        awaitAgent(agent2, "TALKING");

        // Disconnect: the service's announcement (ARS) to the customer, then the call ends
        assertProblem(agent1.post("calls/" + call.id + "/disconnect"), 403, "NOT_YOURS");
        Instant asked = Instant.now();
        JsonObject disconnected = agent2.act("calls/" + call.id + "/disconnect").expect(200).json();
        assertThat(disconnected.getString("status")).isEqualTo("ENDED");
        assertThat(disconnected.getString("endCause")).isEqualTo("DISCONNECTED");
        assertThat(disconnected.getString("disconnectedBy")).isEqualTo("agent2");
        assertThat(Instant.parse(disconnected.getString("endedAt")))
                .isBetween(asked.minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(agent("agent2").getString("status")).isEqualTo("AFTER_CALL");
        ChannelInfo announced = customerChannel(call.pbxCallId);
        assertThat(announced.context()).isEqualTo("calldesk-announce");
        assertThat(announced.application()).isEqualTo("Playback");
        assertThat(pbx.channels()).noneMatch(c -> c.device().equals("PJSIP/1002"));
        awaitPbxCallGone(call.pbxCallId);
        JsonObject after = call(call.id);
        assertThat(after.getString("endCause")).isEqualTo("DISCONNECTED");
        assertThat(after.getString("disconnectedBy")).isEqualTo("agent2");
        assertProblem(agent2.post("calls/" + call.id + "/hangup"), 409, "CALL_NOT_CONNECTED");

        agent2.act("agents/me/after-call/confirm").expect(200);
        events.awaitWholeStream("call", call.id, "call.waiting", "call.offered", "call.connecting", "call.talking",
                "call.holding",
                "call.talking", "call.ended");
        events.awaitStreamSince(mark, "agent", "agent2", "agent.talking", "agent.holding", "agent.talking",
                "agent.after_call", "agent.ready");
    }

    @Test
    @DisplayName("Transfer: find the target by search, transfer try to talk first, transfer connect hands over "
            + "the caller and the ticket")
    void transferTryAndConnect() {
        Connected call = inboundConnected(agent2, "agent2");
        logIn("agent1", "READY");

        // find the target: by name, login id or agent number
        JsonArray found = agent2.fetch("agents?q=alice").expect(200).jsonArray();
        assertThat(found.stream().map(JsonValue::asJsonObject).map(a -> a.getString("id"))).containsExactly("agent1");
        assertThat(agent2.fetch("agents?q=1001").expect(200).jsonArray().getJsonObject(0).getString("id"))
                .isEqualTo("agent1");

        // a target that is not Ready, or unknown, is refused
        assertProblem(agent2.post("calls/" + call.id + "/transfer", target("agent3")), 409, "TARGET_NOT_READY");
        assertProblem(agent2.post("calls/" + call.id + "/transfer", target("9999")), 404, "UNKNOWN_AGENT");
        assertProblem(agent2.post("calls/" + call.id + "/transfer/connect"), 409, "NO_TRANSFER_TRY");
        assertProblem(agent1.post("calls/" + call.id + "/transfer", target("agent1")), 403, "NOT_YOURS");

        // transfer try (by agent number): the caller waits with music, the two agents talk
        JsonObject consulting = agent2.act("calls/" + call.id + "/transfer", target("1001")).expect(200).json();
        assertThat(consulting.getString("status")).isEqualTo("CONSULTING");
        assertThat(consulting.getString("consultAgentId")).isEqualTo("agent1");
        assertThat(consulting.getString("agentId")).isEqualTo("agent2");
        JsonObject target = agent("agent1");
        assertThat(target.getString("status")).isEqualTo("TALKING");
        assertThat(target.getString("callId")).isEqualTo(call.id);
        assertThat(agent("agent2").getString("status")).isEqualTo("TALKING");
        awaitAgentsTalkingWhileCustomerHeld(call.pbxCallId);

        // transfer connect: the caller and the ticket go to the target
        JsonObject transferred = agent2.act("calls/" + call.id + "/transfer/connect").expect(200).json();
        assertThat(transferred.getString("status")).isEqualTo("TALKING");
        assertThat(transferred.getString("agentId")).isEqualTo("agent1");
        assertThat(transferred.containsKey("consultAgentId")).isFalse();
        assertThat(transferred.getString("ticketId")).isEqualTo(call.ticketId);
        assertThat(agent("agent2").getString("status")).isEqualTo("AFTER_CALL");
        JsonObject newAgent = agent("agent1");
        assertThat(newAgent.getString("status")).isEqualTo("TALKING");
        assertThat(newAgent.getString("callId")).isEqualTo(call.id);
        awaitBridged(call.pbxCallId, "PJSIP/1001");
        await("the first agent's phone hung up").atMost(WAIT).pollInterval(POLL)
                .until(() -> pbx.channels().stream().noneMatch(c -> c.device().equals("PJSIP/1002")));
        JsonObject ticket = ticket(agent1, call.ticketId);
        assertThat(ticket.getString("assigneeId")).isEqualTo("agent1");
        assertThat(entryKinds(ticket)).containsExactly("CREATED", "REASSIGNED");
        assertThat(lastEntry(ticket).getString("body")).isEqualTo("agent1");
        assertThat(lastEntry(ticket).getString("author")).isEqualTo("agent2");

        // the call is the target's now
        assertProblem(agent2.post("calls/" + call.id + "/hold"), 403, "NOT_YOURS");
        assertProblem(agent2.post("tickets/" + call.ticketId + "/comments", comment("mine?")), 403, "NOT_YOURS");
        agent2.act("agents/me/after-call/confirm").expect(200);
        agent1.act("calls/" + call.id + "/hangup").expect(200);
        assertThat(agent("agent1").getString("status")).isEqualTo("AFTER_CALL");
        awaitPbxCallGone(call.pbxCallId);

        events.awaitWholeStream("call", call.id, "call.waiting", "call.offered", "call.connecting", "call.talking",
                "call.consulting",
                "call.talking", "call.ended");
        events.awaitWholeStream("ticket", call.ticketId, "ticket.created", "ticket.reassigned");
        events.awaitStreamSince(mark, "agent", "agent1", "agent.ready", "agent.talking", "agent.after_call");
    }

    @Test
    @DisplayName("Transfer: transfer try, then cancel returns to the caller and the target to Ready")
    void transferTryAndCancel() {
        Connected call = inboundConnected(agent2, "agent2");
        logIn("agent1", "READY");
        assertProblem(agent2.post("calls/" + call.id + "/transfer/cancel"), 409, "NO_TRANSFER_TRY");

        agent2.act("calls/" + call.id + "/transfer", target("agent1")).expect(200);
        awaitAgentsTalkingWhileCustomerHeld(call.pbxCallId);
        assertProblem(agent2.post("calls/" + call.id + "/transfer", target("agent1")), 409, "CALL_STATUS");

        JsonObject back = agent2.act("calls/" + call.id + "/transfer/cancel").expect(200).json();
        assertThat(back.getString("status")).isEqualTo("TALKING");
        assertThat(back.getString("agentId")).isEqualTo("agent2");
        assertThat(back.containsKey("consultAgentId")).isFalse();
        JsonObject target = agent("agent1");
        assertThat(target.getString("status")).isEqualTo("READY");
        assertThat(target.containsKey("callId")).isFalse();
        assertThat(agent("agent2").getString("status")).isEqualTo("TALKING");
        awaitBridged(call.pbxCallId, "PJSIP/1002");
        await("the target's phone hung up").atMost(WAIT).pollInterval(POLL)
                .until(() -> pbx.channels().stream().noneMatch(c -> c.device().equals("PJSIP/1001")));
        JsonObject ticket = ticket(agent2, call.ticketId);
        assertThat(ticket.getString("assigneeId")).isEqualTo("agent2");
        assertThat(entryKinds(ticket)).containsExactly("CREATED");

        awaitCall(call.id, "TALKING");
        agent2.act("calls/" + call.id + "/hangup").expect(200);
        awaitPbxCallGone(call.pbxCallId);
        events.awaitWholeStream("call", call.id, "call.waiting", "call.offered", "call.connecting", "call.talking",
                "call.consulting", "call.talking", "call.ended");
        events.awaitStreamSince(mark, "agent", "agent1", "agent.ready", "agent.talking", "agent.ready");
    }

    // ------------------------------------------------------------------ Finish call, ticket

    @Test
    @DisplayName("Finish call: Cancel -> Business: Ticket; the call's ticket is commented, set Pending and Resolved, "
            + "each with who and when")
    void finishWithCancelAndProcessTheTicket() {
        Connected call = inboundConnected(agent2, "agent2");
        agent2.act("calls/" + call.id + "/hangup").expect(200);

        JsonObject business = agent2.act("agents/agent2/after-call/cancel").expect(200).json();
        assertThat(business.getString("status")).isEqualTo("BUSINESS");
        assertThat(business.getString("businessReason")).isEqualTo("TICKET");
        assertProblem(agent2.post("agents/me/after-call/cancel"), 409, "NOT_AFTER_CALL");

        // the agent finds the ticket of the call among their own
        JsonArray mine = agent2.fetch("tickets?assignee=me&status=OPEN&limit=500").expect(200).jsonArray();
        assertThat(mine.stream().map(JsonValue::asJsonObject).map(t -> t.getString("id"))).contains(call.ticketId);

        String path = "tickets/" + call.ticketId;
        assertProblem(agent1.post(path + "/comments", comment("not mine")), 403, "NOT_YOURS");
        assertProblem(agent1.post(path + "/resolve"), 403, "NOT_YOURS");
        assertProblem(agent2.post("tickets/" + UUID.randomUUID() + "/resolve"), 404, "UNKNOWN_TICKET");
        assertProblem(agent2.post(path + "/comments", Json.createObjectBuilder().build()), 400, "BAD_INPUT");

        // Add a Comment
        Instant before = Instant.now().minusSeconds(5);
        JsonObject commented = agent2.post(path + "/comments", comment("customer wants a callback")).expect(201).json();
        JsonObject entry = lastEntry(commented);
        assertThat(entry.getString("kind")).isEqualTo("COMMENT");
        assertThat(entry.getString("author")).isEqualTo("agent2");
        assertThat(entry.getString("body")).isEqualTo("customer wants a callback");
        assertThat(Instant.parse(entry.getString("at"))).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(commented.getString("status")).isEqualTo("OPEN");

        // Pending
        JsonObject pending = agent2.post(path + "/pending").expect(200).json();
        assertThat(pending.getString("status")).isEqualTo("PENDING");
        assertThat(lastEntry(pending).getString("kind")).isEqualTo("PENDING");
        assertThat(lastEntry(pending).getString("author")).isEqualTo("agent2");
        assertThat(agent2.fetch("tickets?status=PENDING&assignee=agent2&limit=500").expect(200).jsonArray().stream()
                .map(JsonValue::asJsonObject).map(t -> t.getString("id"))).contains(call.ticketId);

        // Resolved
        JsonObject resolved = agent2.post(path + "/resolve").expect(200).json();
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(lastEntry(resolved).getString("kind")).isEqualTo("RESOLVED");
        assertThat(lastEntry(resolved).getString("author")).isEqualTo("agent2");
        assertThat(Instant.parse(lastEntry(resolved).getString("at"))).isBetween(before, Instant.now().plusSeconds(5));

        // an admin may comment too; the ticket keeps the whole history
        admin.post(path + "/comments", comment("checked by the supervisor")).expect(201);
        JsonObject ticket = ticket(agent2, call.ticketId);
        assertThat(entryKinds(ticket)).containsExactly("CREATED", "COMMENT", "PENDING", "RESOLVED", "COMMENT");
        assertThat(ticket.getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("author"))).containsExactly("agent2", "agent2", "agent2", "agent2", "admin");

        events.awaitWholeStream("ticket", call.ticketId, "ticket.created", "ticket.commented", "ticket.pending",
                "ticket.resolved", "ticket.commented");
        events.awaitStreamSince(mark, "agent", "agent2", "agent.talking", "agent.after_call", "agent.business");
    }

    // ------------------------------------------------------------------ quick succession

    /*
     * The PBX reports the hold that Hold and transfer try make while the request that made it
     * still holds the call's row; that report must not be applied after the agent's next request.
     */

    @Test
    @DisplayName("Retrieve right after Hold, several times: the call is never put back on hold by the PBX's late report")
    void retrieveRightAfterHold() {
        Connected call = inboundConnected(agent2, "agent2");
        List<String> expected = new java.util.ArrayList<>(List.of("call.waiting", "call.offered", "call.connecting", "call.talking"));
        for (int i = 0; i < 5; i++) {
            assertThat(agent2.act("calls/" + call.id + "/hold").expect(200).json().getString("status"))
                    .isEqualTo("HOLDING");
            assertThat(agent2.act("calls/" + call.id + "/retrieve").expect(200).json().getString("status"))
                    .isEqualTo("TALKING");
            expected.addAll(List.of("call.holding", "call.talking"));
        }
        awaitBridged(call.pbxCallId, "PJSIP/1002");
        agent2.act("calls/" + call.id + "/hangup").expect(200);
        expected.add("call.ended");
        events.awaitWholeStream("call", call.id, expected.toArray(String[]::new));
        assertThat(EventTopicRecorder.types(events.of("agent", "agent2", mark)))
                .filteredOn("agent.holding"::equals).hasSize(5);
    }

    @Test
    @DisplayName("Transfer cancel while the target's phone still rings, and right after the agents start talking: "
            + "back to the caller, never Holding")
    void transferCancelWhileRingingAndRightAfterTheTry() {
        Connected call = inboundConnected(agent2, "agent2");
        logIn("agent1", "READY");
        List<String> expected = new java.util.ArrayList<>(List.of("call.waiting", "call.offered", "call.connecting", "call.talking"));

        // the target's phone rings for a while: cancelled before anyone answers
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.answerAfter(3_000));
        agent2.act("calls/" + call.id + "/transfer", target("agent1")).expect(200);
        await("the target's phone ringing").atMost(WAIT).pollInterval(POLL).until(() -> pbx.channels().stream()
                .anyMatch(c -> c.device().equals("PJSIP/1001") && c.state().equals("Ringing")));
        assertThat(agent2.act("calls/" + call.id + "/transfer/cancel").expect(200).json().getString("status"))
                .isEqualTo("TALKING");
        expected.addAll(List.of("call.consulting", "call.talking"));
        awaitBridged(call.pbxCallId, "PJSIP/1002");
        await("the target's phone stops ringing").atMost(WAIT).pollInterval(POLL)
                .until(() -> pbx.channels().stream().noneMatch(c -> c.device().equals("PJSIP/1001")));
        assertThat(agent("agent1").getString("status")).isEqualTo("READY");

        // the target answers at once: cancelled as soon as the two agents talk
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.answerAfter(200));
        for (int i = 0; i < 3; i++) {
            assertThat(agent2.act("calls/" + call.id + "/transfer", target("agent1")).expect(200).json()
                    .getString("status")).isEqualTo("CONSULTING");
            awaitAgentsTalkingWhileCustomerHeld(call.pbxCallId);
            assertThat(agent2.act("calls/" + call.id + "/transfer/cancel").expect(200).json().getString("status"))
                    .isEqualTo("TALKING");
            expected.addAll(List.of("call.consulting", "call.talking"));
            awaitBridged(call.pbxCallId, "PJSIP/1002");
            awaitAgent(agent1, "READY");
        }
        agent2.act("calls/" + call.id + "/hangup").expect(200);
        expected.add("call.ended");
        events.awaitWholeStream("call", call.id, expected.toArray(String[]::new));
        assertThat(EventTopicRecorder.types(events.of("agent", "agent2", mark))).doesNotContain("agent.holding");
    }

    // ------------------------------------------------------------------ the PBX and the application agree (issue 12)

    @Test
    @DisplayName("A customer who hangs up on hold ends the call and leaves nothing on the agent's phone")
    void customerHangsUpOnHold() {
        Connected call = inboundConnected(agent2, "agent2");
        agent2.act("calls/" + call.id + "/hold").expect(200);
        await("the customer on hold").atMost(WAIT).pollInterval(POLL)
                .until(() -> "MusicOnHold".equals(customerChannel(call.pbxCallId).application()));

        pbx.hangupCall(call.pbxCallId);

        assertThat(awaitCall(call.id, "ENDED").getString("endCause")).isEqualTo("CUSTOMER_HANGUP");
        awaitNoChannelOn("PJSIP/1002");
        assertThat(agent("agent2").getString("status")).isEqualTo("AFTER_CALL");
    }

    @Test
    @DisplayName("A customer who hangs up during a transfer try leaves neither agent on the line")
    void customerHangsUpDuringATransferTry() {
        Connected call = inboundConnected(agent2, "agent2");
        logIn("agent1", "READY");
        agent2.act("calls/" + call.id + "/transfer", target("agent1")).expect(200);
        awaitAgentsTalkingWhileCustomerHeld(call.pbxCallId);

        pbx.hangupCall(call.pbxCallId);

        awaitCall(call.id, "ENDED");
        awaitNoChannelOn("PJSIP/1001");
        awaitNoChannelOn("PJSIP/1002");
        assertThat(awaitAgent(agent1, "READY").containsKey("callId")).isFalse();
        assertThat(agent("agent2").getString("status")).isEqualTo("AFTER_CALL");
    }

    @Test
    @DisplayName("The first agent hanging up during a transfer try hands the caller and the ticket to the consulted agent")
    void firstAgentHangsUpDuringATransferTry() {
        Connected call = inboundConnected(agent2, "agent2");
        logIn("agent1", "READY");
        agent2.act("calls/" + call.id + "/transfer", target("agent1")).expect(200);
        awaitAgentsTalkingWhileCustomerHeld(call.pbxCallId);

        pbx.channels().stream().filter(c -> c.device().equals("PJSIP/1002"))
                .forEach(c -> pbx.hangupChannel(c.name(), 16));

        JsonObject transferred = awaitCall(call.id, "TALKING");
        assertThat(transferred.getString("agentId")).isEqualTo("agent1");
        awaitBridged(call.pbxCallId, "PJSIP/1001");
        awaitNoChannelOn("PJSIP/1002");
        assertThat(agent("agent1").getString("status")).isEqualTo("TALKING");
        assertThat(agent("agent2").getString("status")).isEqualTo("AFTER_CALL");
        assertThat(ticket(agent1, call.ticketId).getString("assigneeId")).isEqualTo("agent1");

        agent1.act("calls/" + call.id + "/hangup").expect(200);
        awaitPbxCallGone(call.pbxCallId);
    }

    @Test
    @DisplayName("The first agent hanging up while the transfer target never answers: the caller waits again, "
            + "with the ticket, for the next agent")
    void firstAgentHangsUpWhileTheTransferTargetNeverAnswers() {
        Connected call = inboundConnected(agent2, "agent2");
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.neverAnswer());
        logIn("agent1", "READY");
        agent2.act("calls/" + call.id + "/transfer", target("agent1")).expect(200);
        await("the target's phone rings").atMost(WAIT).pollInterval(POLL)
                .until(() -> pbx.channels().stream().anyMatch(c -> c.device().equals("PJSIP/1001")));

        pbx.channels().stream().filter(c -> c.device().equals("PJSIP/1002"))
                .forEach(c -> pbx.hangupChannel(c.name(), 16));

        // the target's phone rings out (calldesk.pbx.ring-timeout-seconds): the caller waits again
        // and is offered to the next Ready agent, who is the target
        assertThat(awaitAgent(agent1, "ALERTING").getString("callId")).isEqualTo(call.id);
        assertThat(agent("agent2").getString("status")).isEqualTo("AFTER_CALL");
        assertThat(customerChannel(call.pbxCallId).application()).isEqualTo("MusicOnHold");
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.answerAfter(200));
        agent1.act("calls/" + call.id + "/confirm").expect(200);
        JsonObject talking = awaitCall(call.id, "TALKING");
        assertThat(talking.getString("agentId")).isEqualTo("agent1");
        assertThat(talking.getString("ticketId")).as("one ticket per call").isEqualTo(call.ticketId);
        awaitBridged(call.pbxCallId, "PJSIP/1001");
        assertThat(ticket(agent1, call.ticketId).getString("assigneeId")).isEqualTo("agent1");

        agent1.act("calls/" + call.id + "/hangup").expect(200);
        awaitPbxCallGone(call.pbxCallId);
    }

    @Test
    @DisplayName("The consulted agent hanging up during a transfer try leaves the caller held for the first agent")
    void consultedAgentHangsUpDuringATransferTry() {
        Connected call = inboundConnected(agent2, "agent2");
        logIn("agent1", "READY");
        agent2.act("calls/" + call.id + "/transfer", target("agent1")).expect(200);
        awaitAgentsTalkingWhileCustomerHeld(call.pbxCallId);

        pbx.channels().stream().filter(c -> c.device().equals("PJSIP/1001"))
                .forEach(c -> pbx.hangupChannel(c.name(), 16));

        JsonObject held = awaitCall(call.id, "HOLDING");
        assertThat(held.getString("agentId")).isEqualTo("agent2");
        assertThat(awaitAgent(agent1, "READY").containsKey("callId")).isFalse();
        awaitNoChannelOn("PJSIP/1001");
        assertThat(pbx.channels()).anyMatch(c -> c.device().equals("PJSIP/1002"));

        agent2.act("calls/" + call.id + "/retrieve").expect(200);
        awaitBridged(call.pbxCallId, "PJSIP/1002");
        agent2.act("calls/" + call.id + "/hangup").expect(200);
        awaitPbxCallGone(call.pbxCallId);
    }

    @Test
    @DisplayName("Confirm to a busy phone: the caller goes back to the head of the queue, the agent to Rest, no ticket")
    void confirmToABusyPhone() {
        Offered offer = offeredWithPhone("agent2", Behaviour.busy());

        agent2.act("calls/" + offer.id() + "/confirm").expect(200);

        JsonObject waiting = awaitCall(offer.id(), "WAITING");
        assertThat(waiting.containsKey("ticketId")).isFalse();
        assertThat(waiting.containsKey("agentId")).isFalse();
        assertThat(awaitAgent(agent2, "REST").containsKey("callId")).isFalse();
        assertThat(tickets(offer.caller())).isEmpty();
        assertThat(customerChannel(offer.pbxCallId()).application()).isEqualTo("MusicOnHold");

        // the next Ready agent gets it, and their Confirm connects it, with one ticket
        logIn("agent1", "READY");
        assertThat(awaitAgent(agent1, "ALERTING").getString("callId")).isEqualTo(offer.id());
        agent1.act("calls/" + offer.id() + "/confirm").expect(200);
        assertThat(awaitCall(offer.id(), "TALKING").getString("agentId")).isEqualTo("agent1");
        awaitBridged(offer.pbxCallId(), "PJSIP/1001");
        assertThat(tickets(offer.caller())).hasSize(1);
    }

    @Test
    @DisplayName("While the agent's phone still rings after Confirm the call is Connecting: Hold is refused with 409")
    void holdRightAfterConfirm() {
        Offered offer = offeredWithPhone("agent2", Behaviour.answerAfter(1500));

        assertThat(agent2.act("calls/" + offer.id() + "/confirm").expect(200).json().getString("status"))
                .isEqualTo("CONNECTING");
        assertProblem(agent2.post("calls/" + offer.id() + "/hold"), 409, "CALL_CONNECTING");
        assertProblem(agent2.post("calls/" + offer.id() + "/retrieve"), 409, "CALL_CONNECTING");
        assertProblem(agent2.post("calls/" + offer.id() + "/hangup"), 409, "CALL_CONNECTING");
        assertThat(tickets(offer.caller())).isEmpty();

        awaitCall(offer.id(), "TALKING");
        awaitBridged(offer.pbxCallId(), "PJSIP/1002");
        assertThat(agent2.act("calls/" + offer.id() + "/hold").expect(200).json().getString("status")).isEqualTo("HOLDING");
        assertThat(agent2.act("calls/" + offer.id() + "/retrieve").expect(200).json().getString("status"))
                .isEqualTo("TALKING");
        awaitBridged(offer.pbxCallId(), "PJSIP/1002");
        agent2.act("calls/" + offer.id() + "/hangup").expect(200);
        awaitPbxCallGone(offer.pbxCallId());
        awaitNoChannelOn("PJSIP/1002");
        assertThat(tickets(offer.caller())).hasSize(1);
    }

    @Test
    @DisplayName("Confirm to a phone that never answers: after the ring timeout the caller waits again, no ticket")
    void confirmToAPhoneThatNeverAnswers() {
        Offered offer = offeredWithPhone("agent2", Behaviour.neverAnswer());

        agent2.act("calls/" + offer.id() + "/confirm").expect(200);
        assertThat(call(offer.id()).getString("status")).isEqualTo("CONNECTING");

        // calldesk-it.properties: calldesk.pbx.ring-timeout-seconds=6
        await("the ring timeout").atMost(WAIT).pollInterval(POLL)
                .until(() -> call(offer.id()).getString("status").equals("WAITING"));
        assertThat(awaitAgent(agent2, "REST").containsKey("callId")).isFalse();
        assertThat(tickets(offer.caller())).isEmpty();
        awaitNoChannelOn("PJSIP/1002");
        assertThat(customerChannel(offer.pbxCallId()).application()).isEqualTo("MusicOnHold");
    }

    /** A new caller of support offered to the agent (the only Ready one), whose phone does as scripted. */
    private Offered offeredWithPhone(String agentId, Behaviour phone) {
        pbx.setPhoneBehaviour(DEVICES.get(agentId), phone);
        logIn(agentId, "READY");
        String caller = newNumber();
        String pbxCallId = pbx.inboundCall(caller, SUPPORT_NUMBER).callId();
        String callId = awaitAgent(client(agentId), "ALERTING").getString("callId");
        return new Offered(callId, pbxCallId, caller);
    }

    private record Offered(String id, String pbxCallId, String caller) {
    }

    private void awaitNoChannelOn(String device) {
        await("no channel on " + device).atMost(WAIT).pollInterval(POLL)
                .until(() -> pbx.channels().stream().noneMatch(c -> c.device().equals(device)));
    }

    // ------------------------------------------------------------------ helpers: scenario steps

    /** An inbound call to support offered to the agent (the only Ready one) and confirmed. */
    private Connected inboundConnected(ApiClient client, String agentId) {
        logIn(agentId, "READY");
        String caller = newNumber();
        String pbxCallId = pbx.inboundCall(caller, SUPPORT_NUMBER).callId();
        String callId = awaitAgent(client, "ALERTING").getString("callId");
        client.act("calls/" + callId + "/confirm").expect(200);
        JsonObject talking = awaitCall(callId, "TALKING");
        awaitBridged(pbxCallId, DEVICES.get(agentId));
        return new Connected(callId, pbxCallId, talking.getString("ticketId"), caller);
    }

    private record Connected(String id, String pbxCallId, String ticketId, String caller) {
    }

    private void logIn(String agentId, String status) {
        logIn(agentId, status, null);
    }

    private void logIn(String agentId, String status, String reason) {
        ApiClient client = client(agentId);
        assertThat(client.post("agents/me/cti-login").expect(200).json().getString("status")).isEqualTo("REST");
        if (!status.equals("REST")) {
            assertThat(chooseStatus(client, "me", status, reason).getString("status")).isEqualTo(status);
        }
    }

    private JsonObject chooseStatus(ApiClient client, String agentId, String status, String reason) {
        return client.put("agents/" + agentId + "/status", statusBody(status, reason)).expect(200).json();
    }

    private ApiClient client(String agentId) {
        switch (agentId) {
            case "agent1":
                return agent1;
            case "agent2":
                return agent2;
            case "agent3":
                return agent3;
            case "admin":
                return admin;
            default:
                throw new IllegalArgumentException(agentId);
        }
    }

    // ------------------------------------------------------------------ helpers: reading state

    private JsonObject agent(String agentId) {
        return admin.fetch("agents/" + agentId).expect(200).json();
    }

    private JsonObject awaitAgent(ApiClient client, String status) {
        return await(client.login() + " " + status).atMost(WAIT).pollInterval(POLL)
                .until(() -> client.fetch("agents/me").expect(200).json(), a -> a.getString("status").equals(status));
    }

    private JsonObject call(String callId) {
        return admin.fetch("calls/" + callId).expect(200).json();
    }

    private JsonObject awaitCall(String callId, String status) {
        return await("call " + callId + " " + status).atMost(WAIT).pollInterval(POLL)
                .until(() -> call(callId), c -> c.getString("status").equals(status));
    }

    private JsonObject awaitCallOf(String customer, Predicate<JsonObject> condition) {
        return await("the call of " + customer).atMost(WAIT).pollInterval(POLL)
                .until(() -> recentCalls().stream().filter(c -> c.getString("customerNumber").equals(customer))
                        .findFirst(), c -> c.isPresent() && condition.test(c.get())).orElseThrow();
    }

    private List<JsonObject> recentCalls() {
        return admin.fetch("calls?limit=500").expect(200).jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    private JsonObject ticket(ApiClient client, String ticketId) {
        return client.fetch("tickets/" + ticketId).expect(200).json();
    }

    private List<JsonObject> tickets(String customer) {
        return admin.fetch("tickets?limit=500").expect(200).jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("customerNumber").equals(customer)).toList();
    }

    private static List<String> entryKinds(JsonObject ticket) {
        return ticket.getJsonArray("entries").stream().map(JsonValue::asJsonObject).map(e -> e.getString("kind")).toList();
    }

    private static JsonObject lastEntry(JsonObject ticket) {
        JsonArray entries = ticket.getJsonArray("entries");
        return entries.getJsonObject(entries.size() - 1);
    }

    // ------------------------------------------------------------------ helpers: the PBX's side

    private ChannelInfo customerChannel(String pbxCallId) {
        return pbx.call(pbxCallId).stream().flatMap(c -> c.channels().stream())
                .filter(c -> c.device().equals("PJSIP/trunk")).findFirst()
                .orElseThrow(() -> new AssertionError("no customer channel in PBX call " + pbxCallId + ": " + pbx.calls()));
    }

    /** The customer's channel and a channel of the agent's phone are in one bridge. */
    private void awaitBridged(String pbxCallId, String device) {
        await("the customer of " + pbxCallId + " connected to " + device).atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> {
                    ChannelInfo customer = customerChannel(pbxCallId);
                    assertThat(customer.bridgeId()).isNotEmpty();
                    assertThat(pbx.channels()).anySatisfy(c -> {
                        assertThat(c.device()).isEqualTo(device);
                        assertThat(c.bridgeId()).isEqualTo(customer.bridgeId());
                    });
                });
    }

    /** Transfer try: the customer hears music; the first agent's and the target's phones are bridged. */
    private void awaitAgentsTalkingWhileCustomerHeld(String pbxCallId) {
        await("the two agents talking, the customer held").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            ChannelInfo customer = customerChannel(pbxCallId);
            assertThat(customer.application()).isEqualTo("MusicOnHold");
            assertThat(customer.bridgeId()).isEmpty();
            List<ChannelInfo> channels = pbx.channels();
            ChannelInfo first = channels.stream().filter(c -> c.device().equals("PJSIP/1002")).findFirst().orElseThrow();
            assertThat(first.bridgeId()).isNotEmpty();
            assertThat(channels).anySatisfy(c -> {
                assertThat(c.device()).isEqualTo("PJSIP/1001");
                assertThat(c.bridgeId()).isEqualTo(first.bridgeId());
            });
        });
    }

    private void awaitPbxCallGone(String pbxCallId) {
        await("PBX call " + pbxCallId + " over").atMost(WAIT).pollInterval(POLL)
                .until(() -> pbx.call(pbxCallId).isEmpty());
    }

    // ------------------------------------------------------------------ helpers: bodies and problems

    private static JsonObject statusBody(String status, String reason) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("status", status);
        if (reason != null) {
            body.add("businessReason", reason);
        }
        return body.build();
    }

    private static JsonObject dialBody(String serviceId, String customerNumber, String sendingNumber) {
        return Json.createObjectBuilder().add("serviceId", serviceId).add("customerNumber", customerNumber)
                .add("sendingNumber", sendingNumber).build();
    }

    private static JsonObject target(String target) {
        return Json.createObjectBuilder().add("target", target).build();
    }

    private static JsonObject number(String number) {
        return Json.createObjectBuilder().add("number", number).build();
    }

    private static JsonObject comment(String text) {
        return Json.createObjectBuilder().add("text", text).build();
    }

    private static JsonObject serviceBody(JsonObject service, int offerTimeoutSeconds) {
        return Json.createObjectBuilder()
                .add("name", service.getString("name"))
                .add("announcement", service.getString("announcement"))
                .add("offerTimeoutSeconds", offerTimeoutSeconds)
                .add("callEnabled", service.getBoolean("callEnabled"))
                .add("dialledNumbers", service.getJsonArray("dialledNumbers"))
                .add("sendingNumbers", service.getJsonArray("sendingNumbers"))
                .build();
    }

    /** An RFC 9457 problem detail with the status and code of docs/api.md. */
    private static void assertProblem(ApiClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getString("code")).as("code of %s", reply).isEqualTo(code);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type"))
                .isEqualTo("https://calldesk.org/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail", "")).as("detail of %s", reply).isNotBlank();
    }

    /** A customer number of this test run: digits only, never used before. */
    private static String newNumber() {
        return "010" + NUMBERS.incrementAndGet();
    }

    // ------------------------------------------------------------------ helpers: a quiet contact center

    /**
     * No call on the PBX, no call in progress in the application, default phones and customers,
     * every agent logged out.
     */
    private void quietContactCenter() {
        pbx.scriptedCustomers().keySet().forEach(number -> pbx.setCustomerBehaviour(number, null));
        DEVICES.values().forEach(device -> {
            pbx.setPhoneRegistered(device, true);
            pbx.setPhoneBehaviour(device, Behaviour.answerAfter(200));
        });
        pbx.channels().forEach(channel -> pbx.hangupChannel(channel.name(), 16));
        await("every PBX channel hung up").atMost(WAIT).pollInterval(POLL).until(() -> pbx.channelCount() == 0);
        await("every agent logged out").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(admin::stepEveryAgentTowardsLoggedOut);
        await("no call in progress").atMost(WAIT).pollInterval(POLL)
                .until(() -> admin.fetch("calls?limit=100").expect(200).jsonArray().stream().map(JsonValue::asJsonObject)
                        .allMatch(c -> c.getString("status").equals("ENDED")));
    }
}
