package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.calldesk.application.Actor;
import org.calldesk.application.AppliedPbxEvents;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.application.pbx.CallEndCause;
import org.calldesk.application.pbx.ChannelOnPbx;
import org.calldesk.application.pbx.EventLink;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.EndCause;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.infrastructure.messaging.jms.EventsOnTheWay;
import org.calldesk.infrastructure.pbx.PbxTranslation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler against a fake PBX whose channels each test sets, over in-memory repositories. */
class DefaultCallReconcilerTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Duration OLD = Duration.ofSeconds(30);

    private final InMemoryRepositories repositories = new InMemoryRepositories();
    private final FakePbx pbx = new FakePbx();
    private final RecordingEvents events = new RecordingEvents();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler logged = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger reconcilerLog = Logger.getLogger(DefaultCallReconciler.class.getName());
    private final PbxEventsOnTheWay onTheWay = new PbxEventsOnTheWay(clock);
    /** The ids of the events applied, by this node or another. */
    private final Set<String> appliedIds = new java.util.HashSet<>();
    private Wiring app;
    private DefaultCallReconciler reconciler;

    @BeforeEach
    void setUp() {
        app = Wiring.over(repositories.callRepository, repositories.agentRepository, repositories.serviceRepository,
                repositories.ticketRepository, pbx, events, events, clock, onTheWay);
        app.cti().createService(ADMIN, "support", new ServiceDefinition("Customer Support", "custom/abuse-warning",
                Duration.ofSeconds(20), true, Set.of("15880001"), Set.of("15880001")));
        List.of("alice:1001", "bob:1002").forEach(agent -> {
            String[] idAndNumber = agent.split(":");
            app.cti().registerAgent(ADMIN, idAndNumber[0], new AgentRegistration(idAndNumber[0], idAndNumber[1],
                    "PJSIP/" + idAndNumber[1], AgentRole.AGENT, Set.of("support")));
        });
        AppliedPbxEvents applied = new AppliedPbxEvents() {
            @Override
            public boolean applied(String eventId) {
                return appliedIds.contains(eventId);
            }

            @Override
            public void record(String eventId, Instant at) {
                appliedIds.add(eventId);
            }

            @Override
            public int forgetBefore(Instant before) {
                return 0;
            }
        };
        reconciler = new DefaultCallReconciler(pbx, repositories.callRepository, repositories.agentRepository,
                app.callEvents(), onTheWay, applied, clock);
        reconcilerLog.addHandler(logged);
    }

    @AfterEach
    void tearDown() {
        reconcilerLog.removeHandler(logged);
    }

    @Test
    void aCallThePbxNoLongerHasEndsAndItsAgentGetsTheFinishPromptLoggedOnce() {
        Call call = talking("alice", "in.1");
        pbx.channels.add(agentLeg("in.1", "PJSIP/1001")); // the customer is gone, the agent's leg is not
        clock.advance(OLD);

        reconciler.reconcile();
        assertThat(call.status()).as("one look is not enough: events may be on their way").isEqualTo(CallStatus.TALKING);
        clock.advance(DefaultCallReconciler.CONFIRMATION);
        reconciler.reconcile();
        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
        assertThat(repositories.agents.get("alice").status()).isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(warnings).filteredOn(r -> r.getMessage().contains("call " + call.id() + " (PBX in.1, TALKING) is gone")).hasSize(1);
        assertThat(reconciler.status().callsEnded()).isEqualTo(1);
        assertThat(reconciler.status().lastRun()).contains(clock.instant());
    }

    @Test
    void theAgentLegLeftOnThePbxAfterItsCallEndedIsHungUpOnce() {
        Call call = talking("alice", "in.1");
        app.callEvents().handle(new PbxReport.CallEnded(new PbxCallId("in.1"),
                CallEndCause.CUSTOMER_HANGUP, clock.instant()));
        ChannelOnPbx leg = agentLeg("in.1", "PJSIP/1001");
        pbx.channels.add(leg);
        clock.advance(OLD);

        looksTwice();
        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
        assertThat(pbx.requests()).containsOnlyOnce("hangup channel " + leg.name());
        assertThat(warnings).filteredOn(r -> r.getMessage().contains(leg.name())).hasSize(1);
        assertThat(reconciler.status().legsHungUp()).isEqualTo(1);
    }

    @Test
    void anAgentLegOnAnotherAgentsPhoneThanTheCallsIsHungUp() {
        talking("alice", "in.1");
        pbx.channels.add(customer("in.1"));
        ChannelOnPbx onBobsPhone = agentLeg("in.1", "PJSIP/1002");
        pbx.channels.addAll(List.of(agentLeg("in.1", "PJSIP/1001"), onBobsPhone));
        clock.advance(OLD);

        looksTwice();

        assertThat(pbx.requests()).containsExactly("connect in.1 PJSIP/1001", "hangup channel " + onBobsPhone.name());
    }

    @Test
    void aCallerWaitingOnThePbxThatWasNeverRecordedIsRecordedAtItsArrivalAndRouted() {
        Instant arrival = clock.instant().minusSeconds(20);
        pbx.channels.add(new ChannelOnPbx("PJSIP/trunk-00000009", new PbxCallId("1796720380.9"), ChannelOnPbx.Part.CALLER_WAITING,
                Optional.empty(), "0109", "15880001", Duration.ofSeconds(20), Optional.of(arrival)));

        looksTwice();

        Call recorded = repositories.callRepository.findByPbxCallId("1796720380.9").orElseThrow();
        assertThat(recorded.status()).isEqualTo(CallStatus.WAITING);
        assertThat(recorded.startedAt()).isEqualTo(arrival);
        assertThat(recorded.serviceId()).contains("support");
        assertThat(reconciler.status().callersRecorded()).isEqualTo(1);
    }

    @Test
    void callsAndChannelsThePbxAndTheApplicationAgreeOnAreLeftAlone() {
        Call call = talking("alice", "in.1");
        pbx.channels.addAll(List.of(customer("in.1"), agentLeg("in.1", "PJSIP/1001")));
        clock.advance(OLD);

        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(pbx.requests()).containsExactly("connect in.1 PJSIP/1001");
        assertThat(warnings).isEmpty();
        assertThat(reconciler.status().lastOutcome()).isEqualTo("2 PBX channels compared, 0 repaired");
    }

    @Test
    void aCallYoungerThanTheMarginIsLeftForItsEventsToArrive() {
        Call call = arrives("in.1");

        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.WAITING);
    }

    @Test
    void aDriftThatLastsLessThanTheConfirmationIsNotRepaired() {
        Call call = talking("alice", "in.1");
        clock.advance(OLD);

        reconciler.reconcile();
        clock.advance(DefaultCallReconciler.CONFIRMATION.minusSeconds(1));
        reconciler.reconcile();

        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
    }

    @Test
    void nothingIsRepairedWhilePbxEventsWaitToBeDelivered() {
        Call call = talking("alice", "in.1");
        clock.advance(OLD);
        pbx.eventLink = new EventLink(true, "event session logged in", 12); // the broker is down

        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(reconciler.status().lastOutcome()).isEqualTo("not compared: 12 PBX events wait to be delivered");
    }

    @Test
    void aCallWhoseEventsStillWaitOnTheQueueIsNotEndedWhileTheyWait() {
        Call call = talking("alice", "in.1");
        CallEvent.CallEnded end = new CallEvent.CallEnded(new CallId("in.1"), EndCause.CUSTOMER_HANGUP, clock.instant());
        EventsOnTheWay.queued(onTheWay, end, "e9"); // its end is on the queue; the queue's consumer is away
        clock.advance(OLD);

        for (int run = 0; run < 10; run++) { // well beyond the confirmation
            reconciler.reconcile();
            clock.advance(DefaultCallReconciler.CONFIRMATION);
        }

        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(reconciler.status().callsEnded()).isZero();
        assertThat(reconciler.status().lastOutcome())
                .isEqualTo("0 PBX channels compared, 0 repaired, 1 calls left alone while their events wait on the queue");
        assertThat(warnings).isEmpty();

        app.callEvents().handle(PbxTranslation.report(end)); // the queue's consumer is back: the call ends as the PBX said
        EventsOnTheWay.applied(onTheWay, end, "e9");
        assertThat(call.endCause()).contains("CUSTOMER_HANGUP");
        assertThat(repositories.agents.get("alice").status()).isEqualTo(AgentStatus.AFTER_CALL);
    }

    @Test
    void theDriftIsConfirmedAnewOnceTheCallsEventsAreApplied() {
        Call call = talking("alice", "in.1");
        CallEvent.CallHeld held = new CallEvent.CallHeld(new CallId("in.1"), clock.instant());
        EventsOnTheWay.queued(onTheWay, held, "e7");
        clock.advance(OLD);
        looksTwice();
        app.callEvents().handle(PbxTranslation.report(held));
        EventsOnTheWay.applied(onTheWay, held, "e7");

        reconciler.reconcile();
        assertThat(call.status()).as("the first look after its events were applied").isNotEqualTo(CallStatus.ENDED);
        clock.advance(DefaultCallReconciler.CONFIRMATION);
        reconciler.reconcile();
        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
    }

    @Test
    void eventsAnotherNodeAppliedDoNotHoldTheRepairBack() {
        Call call = talking("alice", "in.1");
        EventsOnTheWay.queued(onTheWay, new CallEvent.CallHeld(new CallId("in.1"), clock.instant()), "e7");
        appliedIds.add("e7"); // the broker kept the other node's copy, which that node applied
        clock.advance(OLD);

        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
        assertThat(onTheWay.hasEventsFor("in.1")).isFalse();
    }

    @Test
    void aTalkingCallWhoseCallerIsBackInTheQueueWithNoAgentLegIsRoutedAgainAtItsPlaceLoggedOnce() {
        Call earlier = talking("alice", "in.1");
        clock.advance(Duration.ofSeconds(1));
        Call later = arrives("in.2"); // waits: nobody else is Ready
        String ticket = earlier.ticketId().orElseThrow();
        // the PBX has the first caller in the waiting context again, its agent leg gone, and no event said so
        pbx.channels.addAll(List.of(waiting("in.1", OLD), waiting("in.2", OLD)));
        clock.advance(OLD);

        reconciler.reconcile();
        assertThat(earlier.status()).as("one look is not enough").isEqualTo(CallStatus.TALKING);
        clock.advance(DefaultCallReconciler.CONFIRMATION);
        reconciler.reconcile();
        looksTwice();

        assertThat(earlier.status()).isEqualTo(CallStatus.WAITING);
        assertThat(earlier.agentId()).isEmpty();
        assertThat(repositories.agents.get("alice").status()).as("alice to the finish prompt")
                .isEqualTo(AgentStatus.AFTER_CALL);
        assertThat(warnings).filteredOn(r -> r.getMessage().contains("call " + earlier.id() + " (PBX in.1, TALKING) has its"
                + " caller waiting in the queue on the PBX and no agent leg")).hasSize(1);
        assertThat(warnings).hasSize(1);
        assertThat(reconciler.status().callersRequeued()).isEqualTo(1);
        assertThat(reconciler.status().callsEnded()).isZero();

        // back at its place: before the caller who came after it, and with the ticket it had
        ready("bob");
        assertThat(app.routing().offerNextCall("support")).isTrue();
        assertThat(earlier.agentId()).contains("bob");
        assertThat(later.status()).isEqualTo(CallStatus.WAITING);
        app.callControl().confirm(new Actor("bob", false), earlier.id());
        app.callEvents().handle(new PbxReport.CallAnswered(new PbxCallId("in.1"), "PJSIP/1002",
                clock.instant()));
        assertThat(earlier.status()).isEqualTo(CallStatus.TALKING);
        assertThat(earlier.ticketId()).contains(ticket);
        assertThat(repositories.tickets).hasSize(1);
    }

    @Test
    void aConfirmedCallWhoseCallerStillWaitsWithNoLegToTheAgentGoesBackToRoutingItsAgentToRest() {
        ready("alice");
        Call call = arrives("in.1");
        app.routing().offerNextCall("support");
        app.callControl().confirm(new Actor("alice", false), call.id()); // the connect request is then lost
        pbx.channels.add(waiting("in.1", OLD));
        clock.advance(OLD);

        reconciler.reconcile();
        assertThat(call.status()).as("one look is not enough").isEqualTo(CallStatus.CONNECTING);
        clock.advance(DefaultCallReconciler.CONFIRMATION);
        reconciler.reconcile();
        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.WAITING);
        assertThat(repositories.agents.get("alice").status()).isEqualTo(AgentStatus.REST);
        assertThat(warnings).filteredOn(r -> r.getMessage().contains("call " + call.id() + " (PBX in.1, CONNECTING) has its"
                + " caller waiting in the queue on the PBX and no leg to agent alice")).hasSize(1);
        assertThat(reconciler.status().callersRequeued()).isEqualTo(1);
    }

    @Test
    void aConfirmedCallWhoseLegRingsTheAgentIsLeftAlone() {
        ready("alice");
        Call call = arrives("in.1");
        app.routing().offerNextCall("support");
        app.callControl().confirm(new Actor("alice", false), call.id());
        pbx.channels.addAll(List.of(waiting("in.1", OLD), agentLeg("in.1", "PJSIP/1001")));
        clock.advance(OLD);

        looksTwice();
        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.CONNECTING);
        assertThat(reconciler.status().callersRequeued()).isZero();
    }

    @Test
    void aTalkingCallWhoseCallerWaitsButWhoseAgentLegIsStillThereIsLeftAlone() {
        Call call = talking("alice", "in.1");
        pbx.channels.addAll(List.of(waiting("in.1", OLD), agentLeg("in.1", "PJSIP/1001")));
        clock.advance(OLD);

        looksTwice();
        looksTwice();

        assertThat(call.status()).isEqualTo(CallStatus.TALKING);
        assertThat(reconciler.status().callersRequeued()).isZero();
    }

    /** Two runs, as far apart as a drift must last to be repaired. */
    private void looksTwice() {
        reconciler.reconcile();
        clock.advance(DefaultCallReconciler.CONFIRMATION);
        reconciler.reconcile();
    }

    private Call talking(String agentId, String pbxCallId) {
        Actor actor = new Actor(agentId, false);
        app.agentService().logIn(actor, agentId);
        app.agentService().chooseStatus(actor, agentId, AgentStatus.READY, null);
        Call call = arrives(pbxCallId);
        app.routing().offerNextCall("support");
        app.callControl().confirm(actor, call.id());
        // Talking once the agent's phone answered the leg Confirm placed
        app.callEvents().handle(new PbxReport.CallAnswered(new PbxCallId(pbxCallId),
                agentId.equals("alice") ? "PJSIP/1001" : "PJSIP/1002", clock.instant()));
        return call;
    }

    private void ready(String agentId) {
        Actor actor = new Actor(agentId, false);
        if (repositories.agents.get(agentId).status() == AgentStatus.LOGGED_OUT) {
            app.agentService().logIn(actor, agentId);
        }
        app.agentService().chooseStatus(actor, agentId, AgentStatus.READY, null);
    }

    private static ChannelOnPbx waiting(String call, Duration age) {
        return new ChannelOnPbx("PJSIP/trunk-w-" + call, new PbxCallId(call), ChannelOnPbx.Part.CALLER_WAITING, Optional.empty(),
                "0101", "15880001", age, Optional.empty());
    }

    private Call arrives(String pbxCallId) {
        app.callEvents().handle(new PbxReport.CallArrived(new PbxCallId(pbxCallId), "0101", "15880001", clock.instant()));
        return repositories.callRepository.findByPbxCallId(pbxCallId).orElseThrow();
    }

    private static ChannelOnPbx customer(String call) {
        return new ChannelOnPbx("PJSIP/trunk-" + call, new PbxCallId(call), ChannelOnPbx.Part.OTHER, Optional.empty(), "0101",
                "15880001", OLD, Optional.empty());
    }

    private static ChannelOnPbx agentLeg(String call, String device) {
        return new ChannelOnPbx(device + "-" + call, new PbxCallId(call), ChannelOnPbx.Part.AGENT_LEG,
                Optional.of(device), "", "", OLD, Optional.empty());
    }
}
