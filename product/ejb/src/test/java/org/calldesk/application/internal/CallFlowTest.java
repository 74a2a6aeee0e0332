package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.calldesk.application.Actor;
import org.calldesk.application.CallControlService.DialRequest;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.TicketService;
import org.calldesk.application.pbx.CallEndCause;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.application.pbx.PhoneState;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.CallView;
import org.calldesk.application.view.TicketView;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketEntryKind;
import org.calldesk.domain.model.ticket.TicketStatus;
import org.calldesk.domain.shared.TransitionRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call flows of the product manual, through the application services with a fake PBX and in-memory repositories. */
class CallFlowTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Actor ALICE = new Actor("alice", false);
    private static final Actor BOB = new Actor("bob", false);

    private final InMemoryRepositories repositories = new InMemoryRepositories();
    private final FakePbx pbx = new FakePbx();
    private final RecordingEvents events = new RecordingEvents();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private Wiring app;
    private int pbxCalls;

    @BeforeEach
    void setUp() {
        app = Wiring.over(repositories.callRepository, repositories.agentRepository, repositories.serviceRepository,
                repositories.ticketRepository, pbx, events, events, clock);
        app.cti().createService(ADMIN, "support", new ServiceDefinition("Customer Support", "custom/abuse-warning",
                Duration.ofSeconds(20), true, Set.of("15880001"), Set.of("15880001", "0215880001")));
        app.cti().createService(ADMIN, "sales", new ServiceDefinition("Sales", "custom/abuse-warning",
                Duration.ofSeconds(20), true, Set.of("15880002"), Set.of("15880002")));
        app.cti().registerAgent(ADMIN, "alice", new AgentRegistration("Alice", "1001", "PJSIP/1001", AgentRole.AGENT,
                Set.of("support", "sales")));
        app.cti().registerAgent(ADMIN, "bob", new AgentRegistration("Bob", "1002", "PJSIP/1002", AgentRole.AGENT,
                Set.of("support")));
    }

    @Test
    void aBatchOffersTheOldestCallsToTheLongestIdleAgentsAsOffersOneByOneWould() {
        ready("bob");
        clock.advance(Duration.ofSeconds(30));
        ready("alice");
        Call first = arrives("0101111", "15880001");
        clock.advance(Duration.ofSeconds(1));
        Call second = arrives("0102222", "15880001");
        clock.advance(Duration.ofSeconds(1));
        Call third = arrives("0103333", "15880001");

        assertThat(app.routing().offerWaitingCalls("support", 20)).isEqualTo(2);

        assertThat(first.agentId()).contains("bob");
        assertThat(second.agentId()).contains("alice");
        assertThat(third.status()).isEqualTo(CallStatus.WAITING);
        assertThat(agent("bob").callId()).contains(first.id());
        assertThat(agent("alice").callId()).contains(second.id());
        assertThat(app.routing().offerWaitingCalls("support", 20)).isZero();
    }

    @Test
    void aBatchOffersNoMoreThanAsked() {
        ready("bob");
        ready("alice");
        Call first = arrives("0101111", "15880001");
        clock.advance(Duration.ofSeconds(1));
        Call second = arrives("0102222", "15880001");

        assertThat(app.routing().offerWaitingCalls("support", 1)).isEqualTo(1);

        assertThat(first.status()).isEqualTo(CallStatus.OFFERED);
        assertThat(second.status()).isEqualTo(CallStatus.WAITING);
    }

    @Test
    void ctiLoginStartsInRestAndIsRefusedWithAReason() {
        assertThat(app.agentService().logIn(ALICE, "alice").status()).isEqualTo(AgentStatus.REST);
        assertRefused(() -> app.agentService().logIn(ALICE, "alice"), RequestRefused.Kind.CONFLICT, "ALREADY_LOGGED_IN");
        assertRefused(() -> app.agentService().logIn(new Actor("zed", false), "zed"), RequestRefused.Kind.NOT_FOUND,
                "NOT_REGISTERED");
        pbx.deviceState = PhoneState.UNAVAILABLE;
        assertRefused(() -> app.agentService().logIn(BOB, "bob"), RequestRefused.Kind.CONFLICT, "PHONE_UNAVAILABLE");
        pbx.failure = new PbxRefusal(PbxRefusal.Reason.PBX_UNREACHABLE, "connection refused", null);
        assertRefused(() -> app.agentService().logIn(BOB, "bob"), RequestRefused.Kind.PBX_UNAVAILABLE, "PBX_DOWN");
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.LOGGED_OUT);
    }

    @Test
    void anAgentChangesOnlyTheirOwnStatus() {
        app.agentService().logIn(ALICE, "alice");
        assertRefused(() -> app.agentService().chooseStatus(BOB, "alice", AgentStatus.READY, null),
                RequestRefused.Kind.FORBIDDEN, "NOT_YOURS");
        assertThat(app.agentService().chooseStatus(ADMIN, "alice", AgentStatus.READY, null).status())
                .isEqualTo(AgentStatus.READY);
    }

    @Test
    void everyStatusChangeIsInTheHistoryWithItsTime() {
        app.agentService().logIn(ALICE, "alice");
        clock.advance(Duration.ofSeconds(10));
        app.agentService().chooseStatus(ALICE, "alice", AgentStatus.BUSINESS, BusinessReason.EDUCATION);
        clock.advance(Duration.ofSeconds(5));
        app.agentService().logOut(ALICE, "alice");
        assertThat(app.agentService().history(ALICE, "alice", 10))
                .extracting(c -> c.status() + "<-" + c.previousStatus() + " " + c.previousDuration().getSeconds() + "s")
                .containsExactly("LOGGED_OUT<-BUSINESS 5s", "BUSINESS<-REST 10s", "REST<-LOGGED_OUT 0s");
    }

    @Test
    void anInboundCallGoesToTheLongestIdleReadyAgentAndConfirmConnectsItWithOneTicket() {
        ready("bob");
        clock.advance(Duration.ofSeconds(30));
        ready("alice");
        Call call = arrives("0101111", "15880001");
        assertThat(call.status()).isEqualTo(CallStatus.WAITING);
        assertThat(events.toRoute).contains("support");

        assertThat(app.routing().offerNextCall("support")).isTrue();
        assertThat(call.status()).isEqualTo(CallStatus.OFFERED);
        assertThat(call.agentId()).contains("bob");
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.ALERTING);
        assertThat(app.routing().offerNextCall("support")).isFalse();

        assertRefused(() -> app.callControl().confirm(ALICE, call.id()), RequestRefused.Kind.FORBIDDEN, "NOT_YOURS");
        app.callControl().confirm(BOB, call.id());
        assertThat(call.status()).as("the agent's phone rings").isEqualTo(CallStatus.CONNECTING);
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.ALERTING);
        assertThat(pbx.requests()).containsExactly("connect in.1 PJSIP/1002");
        assertThat(repositories.tickets).as("no ticket before the agent's phone answers").isEmpty();

        agentLegAnswered(call, "PJSIP/1002");
        agentLegAnswered(call, "PJSIP/1002");
        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.TALKING);
        assertThat(repositories.tickets).hasSize(1);
        Ticket ticket = repositories.tickets.values().iterator().next();
        assertThat(ticket.serviceId()).isEqualTo("support");
        assertThat(ticket.customerNumber()).isEqualTo("0101111");
        assertThat(ticket.callId()).contains(call.id());
        assertThat(call.ticketId()).contains(ticket.id());
        assertThat(events.published).contains("call.talking", "agent.talking", "ticket.created");

        assertRefused(() -> app.callControl().confirm(BOB, call.id()), RequestRefused.Kind.CONFLICT, "CALL_NOT_OFFERED");
        assertThat(repositories.tickets).hasSize(1);
        assertThat(pbx.requests()).hasSize(1);
    }

    @Test
    void callsThePbxNoLongerListsAfterALoginAreEndedAndTheirAgentsReleased() {
        Call talking = talking("bob");
        Call waiting = arrives("0102", "15880001");
        clock.advance(Duration.ofMinutes(1));
        Call justArrived = arrives("0103", "15880001");

        app.callEvents().handle(new PbxReport.PbxCallsListed(Set.of(), clock.instant()));

        assertThat(talking.status()).isEqualTo(CallStatus.ENDED);
        assertThat(talking.endCause()).contains("FAILED");
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(waiting.status()).isEqualTo(CallStatus.ENDED);
        assertThat(justArrived.status()).as("younger than the listing margin").isEqualTo(CallStatus.WAITING);
    }

    @Test
    void callsThePbxStillListsAreLeftAlone() {
        Call talking = talking("bob");
        clock.advance(Duration.ofMinutes(1));

        app.callEvents().handle(new PbxReport.PbxCallsListed(Set.of(new PbxCallId(talking.pbxCallId())), clock.instant()));

        assertThat(talking.status()).isEqualTo(CallStatus.TALKING);
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.TALKING);
    }

    @Test
    void callsWaitInArrivalOrderPerService() {
        Call first = arrives("0101", "15880001");
        clock.advance(Duration.ofSeconds(1));
        arrives("0102", "15880001");
        ready("alice");
        app.routing().offerNextCall("support");
        assertThat(first.status()).isEqualTo(CallStatus.OFFERED);
    }

    @Test
    void cancelSendsTheCallToTheNextAgentAndTheAgentToRest() {
        ready("alice");
        clock.advance(Duration.ofSeconds(1));
        ready("bob");
        Call call = arrives("0101", "15880001");
        app.routing().offerNextCall("support");
        assertThat(call.agentId()).contains("alice");

        app.callControl().cancel(ALICE, call.id());
        assertThat(call.status()).isEqualTo(CallStatus.WAITING);
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.REST);
        app.routing().offerNextCall("support");
        assertThat(call.agentId()).contains("bob");
        assertThat(pbx.requests()).isEmpty();
    }

    @Test
    void anOfferNotConfirmedInTimeGoesToTheNextAgent() {
        ready("alice");
        clock.advance(Duration.ofSeconds(1));
        ready("bob");
        Call call = arrives("0101", "15880001");
        app.routing().offerNextCall("support");

        clock.advance(Duration.ofSeconds(19));
        assertThat(app.routing().expiredOffers(clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.routing().expiredOffers(clock.instant())).containsExactly(call.id());
        app.routing().expireOffer(call.id());
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.REST);
        app.routing().offerNextCall("support");
        assertThat(call.agentId()).contains("bob");
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.ALERTING);
    }

    @Test
    void aCallerWhoHangsUpWhileOfferedAbandonsAndTheAgentIsReadyAgain() {
        ready("alice");
        Call call = arrives("0101", "15880001");
        app.routing().offerNextCall("support");
        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.CUSTOMER_HANGUP,
                clock.instant()));
        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
        assertThat(call.endCause()).contains("ABANDONED");
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.READY);
        assertThat(repositories.tickets).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingAbandons() {
        Call call = arrives("0101", "15880001");
        PbxReport.CallEnded ended = new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.CUSTOMER_HANGUP,
                clock.instant());
        app.callEvents().handle(ended);
        app.callEvents().handle(ended);
        assertThat(call.endCause()).contains("ABANDONED");
        assertThat(call.sequence()).isEqualTo(2);
    }

    @Test
    void aCallArrivingTwiceIsRecordedOnce() {
        arrives("0101", "15880001");
        pbxCalls--;
        arrives("0101", "15880001");
        assertThat(repositories.calls).hasSize(1);
    }

    @Test
    void dialUpIsDialingThenTalkingWithATicketWhenAnswered() {
        app.agentService().logIn(ALICE, "alice");
        CallView call = app.callControl().dial(ALICE, new DialRequest("alice", "support", "01099998888", "0215880001"));
        assertThat(call.status()).isEqualTo(CallStatus.DIALING);
        assertThat(call.pbxCallId()).isEqualTo("out.1");
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.DIALING);
        assertThat(pbx.requests()).containsExactly("originate PJSIP/1001 01099998888 0215880001");

        PbxReport.CallAnswered answered = new PbxReport.CallAnswered(new PbxCallId("out.1"), "PJSIP/1001",
                clock.instant());
        app.callEvents().handle(answered);
        app.callEvents().handle(answered);
        assertThat(repositories.calls.get(call.id()).status()).isEqualTo(CallStatus.TALKING);
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.TALKING);
        assertThat(repositories.tickets).hasSize(1);
        assertThat(repositories.tickets.values().iterator().next().serviceId()).isEqualTo("support");
    }

    @Test
    void aBusyCustomerReturnsTheAgentToTheStatusBeforeDialling() {
        app.agentService().logIn(ALICE, "alice");
        app.agentService().chooseStatus(ALICE, "alice", AgentStatus.BUSINESS, BusinessReason.REPORT);
        CallView call = app.callControl().dial(ALICE, new DialRequest("alice", "sales", "01099998888", "15880002"));
        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.BUSY, clock.instant()));
        assertThat(repositories.calls.get(call.id()).endCause()).contains("BUSY");
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.BUSINESS);
        assertThat(agent("alice").businessReason()).contains(BusinessReason.REPORT);
        assertThat(repositories.tickets).isEmpty();
    }

    @Test
    void aDialUpHungUpBeforeTheCustomerAnswersReturnsTheAgentToTheStatusBeforeDialling() {
        app.agentService().logIn(ALICE, "alice");
        app.agentService().chooseStatus(ALICE, "alice", AgentStatus.BUSINESS, BusinessReason.REPORT);
        CallView call = app.callControl().dial(ALICE, new DialRequest("alice", "sales", "01099998888", "15880002"));

        app.callControl().hangUp(ALICE, call.id());
        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.AGENT_HANGUP,
                clock.instant()));

        assertThat(repositories.calls.get(call.id()).endCause()).contains("AGENT_HANGUP");
        assertThat(pbx.requests()).contains("hangup " + call.pbxCallId());
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.BUSINESS);
        assertThat(repositories.tickets).isEmpty();
    }

    @Test
    void dialUpIsRefusedForAMalformedNumberOrAnotherServicesSendingNumber() {
        app.agentService().logIn(ALICE, "alice");
        assertRefused(() -> app.callControl().dial(ALICE, new DialRequest("alice", "support", "01-999", "15880001")),
                RequestRefused.Kind.BAD_INPUT, "BAD_CUSTOMER_NUMBER");
        assertRefused(() -> app.callControl().dial(ALICE, new DialRequest("alice", "support", "0109999", "15880002")),
                RequestRefused.Kind.BAD_INPUT, "UNKNOWN_SENDING_NUMBER");
        assertRefused(() -> app.callControl().dial(BOB, new DialRequest("alice", "support", "0109999", "15880001")),
                RequestRefused.Kind.FORBIDDEN, "NOT_YOURS");
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.REST);
        assertThat(pbx.requests()).isEmpty();
    }

    @Test
    void aDialUpThePbxRefusesEndsAndTheAgentGoesBack() {
        app.agentService().logIn(ALICE, "alice");
        pbx.failure = new PbxRefusal(PbxRefusal.Reason.REFUSED, "the PBX refused Originate: no route", null);
        assertRefused(() -> app.callControl().dial(ALICE, new DialRequest("alice", "support", "0109999", "15880001")),
                RequestRefused.Kind.PBX_REFUSED, "PBX_REFUSED");
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.REST);
        assertThat(repositories.calls.values()).extracting(Call::status).containsExactly(CallStatus.ENDED);
    }

    @Test
    void aDialUpEventOvertakingThePbxIdFindsTheCallByTheAgentsPhone() {
        app.agentService().logIn(ALICE, "alice");
        OutboundDialSteps.Dialling dialling = app.callControl().dialSteps
                .startDialling(new DialRequest("alice", "support", "0109999", "15880001"));
        app.callEvents().handle(new PbxReport.CallRinging(new PbxCallId("out.77"), "PJSIP/1001", clock.instant()));
        Call call = repositories.calls.get(dialling.callId());
        assertThat(call.pbxCallId()).isEqualTo("out.77");
        assertThat(app.callControl().dialSteps.dialPlaced(call.id(), "out.77").pbxCallId()).isEqualTo("out.77");
    }

    @Test
    void holdPlaysMusicAndRetrieveReconnects() {
        Call call = talking("alice");
        app.callControl().hold(ALICE, call.id());
        assertThat(call.status()).isEqualTo(CallStatus.HOLDING);
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.HOLDING);
        app.callEvents().handle(new PbxReport.CallHeld(new PbxCallId(call.pbxCallId()), clock.instant()));
        assertThat(call.sequence()).as("arrived, offered, connecting, talking, holding").isEqualTo(5);
        app.callControl().retrieve(ALICE, call.id());
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.TALKING);
        assertThat(pbx.requests()).endsWith("hold in.1", "retrieve in.1");
        assertRefused(() -> app.callControl().hold(BOB, call.id()), RequestRefused.Kind.FORBIDDEN, "NOT_YOURS");
    }

    @Test
    void aHoldThePbxReportedBeforeTheAgentsRetrieveIsNotAppliedAfterIt() {
        Call call = talking("alice");
        app.callControl().hold(ALICE, call.id());
        clock.advance(Duration.ofMillis(5));
        Instant pbxReportedTheHold = clock.instant();
        clock.advance(Duration.ofMillis(5));
        app.callControl().retrieve(ALICE, call.id());

        app.callEvents().handle(new PbxReport.CallHeld(new PbxCallId(call.pbxCallId()), pbxReportedTheHold));
        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.TALKING);

        clock.advance(Duration.ofSeconds(1));
        app.callEvents().handle(new PbxReport.CallHeld(new PbxCallId(call.pbxCallId()), clock.instant()));
        assertThat(call.status()).as("a hold the phone made itself, later").isEqualTo(CallStatus.HOLDING);
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.HOLDING);
    }

    @Test
    void aRetrieveThePbxReportedBeforeTheAgentsHoldIsNotAppliedAfterIt() {
        Call call = talking("alice");
        app.callControl().hold(ALICE, call.id());
        clock.advance(Duration.ofMillis(5));
        Instant pbxReportedTheRetrieve = clock.instant();
        clock.advance(Duration.ofMillis(5));
        app.callControl().retrieve(ALICE, call.id());
        clock.advance(Duration.ofMillis(5));
        app.callControl().hold(ALICE, call.id());

        app.callEvents().handle(new PbxReport.CallRetrieved(new PbxCallId(call.pbxCallId()), pbxReportedTheRetrieve));
        assertThat(call.status()).isEqualTo(CallStatus.HOLDING);
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.HOLDING);
    }

    @Test
    void transferTryThenConnectHandsTheCallerAndTheTicketToTheTarget() {
        Call call = talking("alice");
        ready("bob");
        app.callControl().transferTry(ALICE, call.id(), "1002");
        assertThat(call.status()).isEqualTo(CallStatus.CONSULTING);
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.TALKING);
        app.callEvents().handle(new PbxReport.CallHeld(new PbxCallId(call.pbxCallId()), clock.instant()));
        assertThat(call.status()).isEqualTo(CallStatus.CONSULTING);

        app.callControl().transferConnect(ALICE, call.id());
        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(call.agentId()).contains("bob");
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(repositories.tickets.get(call.ticketId().orElseThrow()).assigneeId()).contains("bob");
        assertThat(pbx.requests()).endsWith("consult in.1 PJSIP/1002", "completeTransfer in.1");

        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.CUSTOMER_HANGUP,
                clock.instant()));
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.AFTER_CALL);
    }

    @Test
    void theFirstAgentHangingUpDuringATransferTryHandsTheCallerAndTheTicketToTheTarget() {
        Call call = talking("alice");
        ready("bob");
        app.callControl().transferTry(ALICE, call.id(), "bob");
        PbxCallId pbxCall = new PbxCallId(call.pbxCallId());
        app.callEvents().handle(new PbxReport.CallHeld(pbxCall, clock.instant()));

        // alice puts her phone down; the dialplan bridges the held customer with bob's leg
        app.callEvents().handle(new PbxReport.CallTransferred(pbxCall, "PJSIP/1001",
                "PJSIP/1002", clock.instant()));

        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(call.agentId()).contains("bob");
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.TALKING);
        assertThat(repositories.tickets.get(call.ticketId().orElseThrow()).assigneeId()).contains("bob");
    }

    @Test
    void theFirstAgentHangingUpWhenTheTransferTargetDoesNotAnswerLetsTheCallerWaitAgainWithTheirTicket() {
        Call call = talking("alice");
        String ticketId = call.ticketId().orElseThrow();
        ready("bob");
        app.callControl().transferTry(ALICE, call.id(), "bob");
        PbxCallId pbxCall = new PbxCallId(call.pbxCallId());

        // alice hung up, bob's phone rang out: the adapter reports the failed try, then the caller waiting again
        app.callEvents().handle(new PbxReport.ConsultFailed(pbxCall, "PJSIP/1002", CallEndCause.NO_ANSWER,
                clock.instant()));
        app.callEvents().handle(new PbxReport.CallRequeued(pbxCall, clock.instant()));

        assertThat(call.status()).isEqualTo(CallStatus.WAITING);
        assertThat(call.agentId()).isEmpty();
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.READY);

        app.routing().offerNextCall("support");
        assertThat(call.status()).as("offered to the next agent").isEqualTo(CallStatus.OFFERED);
        app.callControl().confirm(BOB, call.id());
        agentLegAnswered(call, "PJSIP/1002");
        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(call.ticketId()).as("one ticket per call").contains(ticketId);
        assertThat(repositories.tickets).hasSize(1);
        assertThat(repositories.tickets.get(ticketId).assigneeId()).contains("bob");
    }

    @Test
    void transferCancelReturnsToTheCallerAndTheTargetToReady() {
        Call call = talking("alice");
        ready("bob");
        app.callControl().transferTry(ALICE, call.id(), "bob");
        app.callControl().transferCancel(ALICE, call.id());
        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(call.agentId()).contains("alice");
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.READY);
        assertThat(pbx.requests()).endsWith("cancelConsult in.1");
    }

    @Test
    void aTransferTargetWhoIsNotReadyIsRefused() {
        Call call = talking("alice");
        app.agentService().logIn(BOB, "bob");
        assertRefused(() -> app.callControl().transferTry(ALICE, call.id(), "bob"), null, "TARGET_NOT_READY");
        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
    }

    @Test
    void disconnectPlaysTheAnnouncementAndRecordsWhoDidIt() {
        Call call = talking("alice");
        app.callControl().disconnect(ALICE, call.id());
        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
        assertThat(call.endCause()).contains("DISCONNECTED");
        assertThat(call.disconnectedBy()).contains("alice");
        assertThat(call.endedAt()).contains(clock.instant());
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(pbx.requests()).endsWith("announceAndHangup in.1 custom/abuse-warning");
        long sequence = call.sequence();
        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.AGENT_HANGUP,
                clock.instant()));
        assertThat(call.sequence()).isEqualTo(sequence);
    }

    @Test
    void hangUpThenConfirmMakesTheAgentReady() {
        Call call = talking("alice");
        app.callControl().hangUp(ALICE, call.id());
        assertThat(agent("alice").status()).isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(app.agentService().finishCall(ALICE, "alice", true).status()).isEqualTo(AgentStatus.READY);
        assertThat(events.toRoute).contains("support", "sales");
    }

    @Test
    void cancelOnTheFinishPromptLeadsToBusinessTicketToProcessTheTicket() {
        Call call = talking("alice");
        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.CUSTOMER_HANGUP,
                clock.instant()));
        AgentView alice = app.agentService().finishCall(ALICE, "alice", false);
        assertThat(alice.status()).isEqualTo(AgentStatus.BUSINESS);
        assertThat(alice.businessReason()).contains(BusinessReason.TICKET);

        String ticketId = call.ticketId().orElseThrow();
        app.tickets().comment(ALICE, ticketId, "customer asks for a refund");
        clock.advance(Duration.ofMinutes(1));
        app.tickets().setPending(ALICE, ticketId);
        clock.advance(Duration.ofMinutes(1));
        TicketView ticket = app.tickets().resolve(ALICE, ticketId);
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.entries()).extracting(e -> e.kind() + " " + e.author())
                .containsExactly("CREATED alice", "COMMENT alice", "PENDING alice", "RESOLVED alice");
        assertThat(ticket.entries().get(3).writtenAt()).isEqualTo(clock.instant());
        assertRefused(() -> app.tickets().comment(BOB, ticketId, "hi"), RequestRefused.Kind.FORBIDDEN, "NOT_YOURS");
        assertThat(ticket.entries().get(1).kind()).isEqualTo(TicketEntryKind.COMMENT);
    }

    @Test
    void anIntegrationDialsForAnyAgentAndChangesAnyTicketButManagesNothing() {
        Actor crm = Actor.integration("integration:crm");
        Call call = talking("alice");
        TicketView commented = app.tickets().comment(crm, call.ticketId().orElseThrow(), "from the CRM");
        assertThat(commented.entries()).extracting(e -> e.kind() + " " + e.author())
                .containsExactly("CREATED alice", "COMMENT integration:crm");
        assertRefused(() -> app.cti().registerAgent(crm, "carol", new AgentRegistration("Carol", "1003", "PJSIP/1003",
                AgentRole.AGENT, Set.of("support"))), RequestRefused.Kind.FORBIDDEN, "ADMIN_ONLY");
        assertThat(crm.mayActFor("bob")).isTrue();
        assertThat(crm.admin()).isFalse();
    }

    @Test
    void aTicketWithoutACallIsCreatedPublishedAndCommented() {
        Actor crm = Actor.integration("integration:crm");
        TicketView ticket = app.tickets().create(crm, new TicketService.NewTicket("support", "01055556666", "bob",
                "customer wrote to us"));
        assertThat(ticket.callId()).isEmpty();
        assertThat(ticket.assigneeId()).contains("bob");
        assertThat(ticket.entries()).extracting(e -> e.kind() + " " + e.author())
                .containsExactly("CREATED integration:crm", "COMMENT integration:crm");
        assertThat(repositories.tickets).containsKey(ticket.id());
        assertThat(events.published).containsSubsequence("ticket.created", "ticket.comment");
        assertRefused(() -> app.tickets().create(crm, new TicketService.NewTicket("nope", "0101", null, null)),
                RequestRefused.Kind.NOT_FOUND, "UNKNOWN_SERVICE");
        assertRefused(() -> app.tickets().create(ALICE, new TicketService.NewTicket("support", "0101", "bob", null)),
                RequestRefused.Kind.FORBIDDEN, "NOT_YOURS");
        assertThat(app.tickets().create(ALICE, new TicketService.NewTicket("support", "0101", "alice", null))
                .assigneeId()).contains("alice");
    }

    @Test
    void theFinishPromptIsRefusedWithoutAFinishedCall() {
        ready("alice");
        assertThatThrownBy(() -> app.agentService().finishCall(ALICE, "alice", true))
                .isInstanceOf(TransitionRefused.class);
    }

    @Test
    void aConfirmedCallWhoseAgentPhoneIsBusyGoesBackToTheHeadOfTheQueueWithoutATicketAndTheAgentRests() {
        ready("bob");
        Call first = arrives("0101", "15880001");
        clock.advance(Duration.ofSeconds(1));
        Call second = arrives("0102", "15880001");
        app.routing().offerNextCall("support");
        app.callControl().confirm(BOB, first.id());
        events.toRoute.clear();

        app.callEvents().handle(new PbxReport.ConnectFailed(new PbxCallId(first.pbxCallId()), "PJSIP/1002",
                CallEndCause.BUSY, clock.instant()));

        assertThat(first.status()).isEqualTo(CallStatus.WAITING);
        assertThat(first.agentId()).isEmpty();
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.REST);
        assertThat(repositories.tickets).isEmpty();
        assertThat(events.toRoute).contains("support");
        ready("alice");
        app.routing().offerNextCall("support");
        assertThat(first.agentId()).as("the caller kept its place").contains("alice");
        assertThat(second.status()).isEqualTo(CallStatus.WAITING);
    }

    @Test
    void aLateConnectFailureOfAnEarlierAttemptChangesNothing() {
        Call call = talking("bob");
        app.callEvents().handle(new PbxReport.ConnectFailed(new PbxCallId(call.pbxCallId()), "PJSIP/1002",
                CallEndCause.NO_ANSWER, clock.instant()));
        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.TALKING);
    }

    @Test
    void whileTheAgentPhoneRingsHoldAndHangUpAreRefusedAsConnecting() {
        ready("bob");
        Call call = arrives("0101", "15880001");
        app.routing().offerNextCall("support");
        app.callControl().confirm(BOB, call.id());

        assertRefused(() -> app.callControl().hold(BOB, call.id()), RequestRefused.Kind.CONFLICT, "CALL_CONNECTING");
        assertRefused(() -> app.callControl().retrieve(BOB, call.id()), RequestRefused.Kind.CONFLICT, "CALL_CONNECTING");
        assertRefused(() -> app.callControl().hangUp(BOB, call.id()), RequestRefused.Kind.CONFLICT, "CALL_CONNECTING");
        assertThat(pbx.requests()).containsExactly("connect in.1 PJSIP/1002");
        assertThat(call.status()).isEqualTo(CallStatus.CONNECTING);
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentPhoneRingsAbandonedAndTheAgentIsReadyAgain() {
        ready("bob");
        Call call = arrives("0101", "15880001");
        app.routing().offerNextCall("support");
        app.callControl().confirm(BOB, call.id());

        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.CUSTOMER_HANGUP,
                clock.instant()));

        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
        assertThat(call.endCause()).contains("ABANDONED");
        assertThat(agent("bob").status()).isEqualTo(AgentStatus.READY);
        assertThat(repositories.tickets).isEmpty();
    }

    private Call talking(String agentId) {
        ready(agentId);
        Call call = arrives("0101", "15880001");
        app.routing().offerNextCall("support");
        app.callControl().confirm(new Actor(agentId, false), call.id());
        agentLegAnswered(call, agent(agentId).device());
        return call;
    }

    private void agentLegAnswered(Call call, String device) {
        app.callEvents().handle(new PbxReport.CallAnswered(new PbxCallId(call.pbxCallId()), device,
                clock.instant()));
    }

    private Call arrives(String caller, String dialled) {
        String pbxCallId = "in." + (++pbxCalls);
        app.callEvents().handle(new PbxReport.CallArrived(new PbxCallId(pbxCallId), caller, dialled, clock.instant()));
        return repositories.callRepository.findByPbxCallId(pbxCallId).orElseThrow();
    }

    private void ready(String agentId) {
        Actor actor = new Actor(agentId, false);
        if (agent(agentId).status() == AgentStatus.LOGGED_OUT) {
            app.agentService().logIn(actor, agentId);
        }
        app.agentService().chooseStatus(actor, agentId, AgentStatus.READY, null);
    }

    private Agent agent(String id) {
        return repositories.agents.get(id);
    }

    private static void assertRefused(Runnable request, RequestRefused.Kind kind, String code) {
        assertThatThrownBy(request::run).satisfies(e -> {
            if (e instanceof RequestRefused refused) {
                assertThat(refused.code()).isEqualTo(code);
                if (kind != null) {
                    assertThat(refused.kind()).isEqualTo(kind);
                }
            } else {
                assertThat(e).isInstanceOf(TransitionRefused.class);
                assertThat(((TransitionRefused) e).code()).isEqualTo(code);
            }
        });
    }
}
