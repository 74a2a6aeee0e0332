package org.calldesk.domain.model.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.calldesk.domain.shared.TransitionRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AgentTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final String CALL = "call-1";

    /** A fresh agent brought into {@code status} through the intent methods, as it would get there. */
    static Agent agentIn(AgentStatus status) {
        Agent agent = new Agent("agent1", "Alice", "1001", "PJSIP/1001", AgentRole.AGENT, Set.of("support"), AT);
        Instant at = AT.plusSeconds(1);
        switch (status) {
            case LOGGED_OUT -> { }
            case REST -> agent.logIn(at);
            case READY -> { agent.logIn(at); agent.choose(AgentStatus.READY, null, at); }
            case BUSINESS -> { agent.logIn(at); agent.choose(AgentStatus.BUSINESS, BusinessReason.MEETING, at); }
            case ALERTING -> { agentInReady(agent, at); agent.offer(CALL, at); }
            case DIALING -> { agent.logIn(at); agent.startDialing(CALL, at); }
            case TALKING -> { agentInReady(agent, at); agent.offer(CALL, at); agent.acceptOffer(CALL, at); }
            case HOLDING -> { agentInReady(agent, at); agent.offer(CALL, at); agent.acceptOffer(CALL, at); agent.hold(CALL, at); }
            case AFTER_CALL -> { agentInReady(agent, at); agent.offer(CALL, at); agent.acceptOffer(CALL, at);
                agent.callEnded(CALL, at); }
            default -> throw new IllegalArgumentException(status.name());
        }
        assertThat(agent.status()).isEqualTo(status);
        agent.takeUnrecordedChanges();
        return agent;
    }

    private static void agentInReady(Agent agent, Instant at) {
        agent.logIn(at);
        agent.choose(AgentStatus.READY, null, at);
    }

    record Action(String name, Set<AgentStatus> allowedFrom, AgentStatus leadsTo, Consumer<Agent> act) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Instant LATER = AT.plusSeconds(60);

    static final Action[] ACTIONS = {
            new Action("log in", EnumSet.of(AgentStatus.LOGGED_OUT), AgentStatus.REST, a -> a.logIn(LATER)),
            new Action("log out", EnumSet.of(AgentStatus.REST, AgentStatus.READY, AgentStatus.BUSINESS),
                    AgentStatus.LOGGED_OUT, a -> a.logOut(LATER)),
            new Action("choose Rest", EnumSet.of(AgentStatus.REST, AgentStatus.READY, AgentStatus.BUSINESS), AgentStatus.REST,
                    a -> a.choose(AgentStatus.REST, null, LATER)),
            new Action("choose Ready", EnumSet.of(AgentStatus.REST, AgentStatus.READY, AgentStatus.BUSINESS), AgentStatus.READY,
                    a -> a.choose(AgentStatus.READY, null, LATER)),
            new Action("choose Business: Report", EnumSet.of(AgentStatus.REST, AgentStatus.READY, AgentStatus.BUSINESS),
                    AgentStatus.BUSINESS, a -> a.choose(AgentStatus.BUSINESS, BusinessReason.REPORT, LATER)),
            new Action("offer", EnumSet.of(AgentStatus.READY), AgentStatus.ALERTING, a -> a.offer("call-2", LATER)),
            new Action("confirm the offer", EnumSet.of(AgentStatus.ALERTING), AgentStatus.TALKING,
                    a -> a.acceptOffer(CALL, LATER)),
            new Action("cancel the offer", EnumSet.of(AgentStatus.ALERTING), AgentStatus.REST,
                    a -> a.declineOffer(CALL, LATER)),
            new Action("dial up", EnumSet.of(AgentStatus.REST, AgentStatus.READY, AgentStatus.BUSINESS),
                    AgentStatus.DIALING, a -> a.startDialing("call-2", LATER)),
            new Action("hold", EnumSet.of(AgentStatus.TALKING, AgentStatus.HOLDING), AgentStatus.HOLDING,
                    a -> a.hold(CALL, LATER)),
            new Action("retrieve", EnumSet.of(AgentStatus.HOLDING, AgentStatus.TALKING), AgentStatus.TALKING,
                    a -> a.retrieve(CALL, LATER)),
            new Action("be consulted", EnumSet.of(AgentStatus.READY), AgentStatus.TALKING,
                    a -> a.joinConsultation("call-2", LATER)),
            new Action("finish the call with Confirm", EnumSet.of(AgentStatus.AFTER_CALL), AgentStatus.READY,
                    a -> a.finishCall(true, LATER)),
            new Action("finish the call with Cancel", EnumSet.of(AgentStatus.AFTER_CALL), AgentStatus.BUSINESS,
                    a -> a.finishCall(false, LATER)),
    };

    static Stream<Arguments> everyActionFromEveryStatus() {
        return Arrays.stream(ACTIONS).flatMap(action -> Arrays.stream(AgentStatus.values())
                .map(status -> Arguments.of(action, status)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyActionFromEveryStatus")
    void anActionIsDoneFromTheStatusesThatAllowItAndRefusedWithoutChangeFromAllOthers(Action action, AgentStatus from) {
        Agent agent = agentIn(from);
        long sequence = agent.sequence();
        if (action.allowedFrom().contains(from)) {
            action.act().accept(agent);
            assertThat(agent.status()).isEqualTo(action.leadsTo());
            assertThat(from.canChangeTo(agent.status()) || from == agent.status()).isTrue();
        } else {
            assertThatThrownBy(() -> action.act().accept(agent)).isInstanceOf(TransitionRefused.class);
            assertThat(agent.status()).isEqualTo(from);
            assertThat(agent.sequence()).isEqualTo(sequence);
            assertThat(agent.takeUnrecordedChanges()).isEmpty();
        }
    }

    @Test
    void everyChangeIsRecordedWithTheStatusItEndsAndHowLongItLasted() {
        Agent agent = agentIn(AgentStatus.REST);
        agent.choose(AgentStatus.READY, null, AT.plusSeconds(31));
        AgentStatusChange change = agent.takeUnrecordedChanges().get(0);
        assertThat(change.previousStatus()).isEqualTo(AgentStatus.REST);
        assertThat(change.status()).isEqualTo(AgentStatus.READY);
        assertThat(change.previousDuration().getSeconds()).isEqualTo(30);
        assertThat(agent.takeUnrecordedChanges()).isEmpty();
    }

    @Test
    void choosingTheCurrentStatusChangesNothing() {
        Agent agent = agentIn(AgentStatus.READY);
        long sequence = agent.sequence();
        assertThat(agent.choose(AgentStatus.READY, null, LATER)).isFalse();
        assertThat(agent.sequence()).isEqualTo(sequence);
        assertThat(agent.statusSince()).isEqualTo(AT.plusSeconds(1));
    }

    @Test
    void businessNeedsOneOfTheSixReasons() {
        Agent agent = agentIn(AgentStatus.REST);
        assertThatThrownBy(() -> agent.choose(AgentStatus.BUSINESS, null, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        for (BusinessReason reason : BusinessReason.values()) {
            agent.choose(AgentStatus.BUSINESS, reason, LATER);
            assertThat(agent.businessReason()).contains(reason);
        }
    }

    @Test
    void aFailedDialUpReturnsToTheStatusBefore() {
        Agent agent = agentIn(AgentStatus.BUSINESS);
        agent.startDialing("call-9", LATER);
        assertThat(agent.dialFailed("call-9", LATER.plusSeconds(5))).isTrue();
        assertThat(agent.status()).isEqualTo(AgentStatus.BUSINESS);
        assertThat(agent.businessReason()).contains(BusinessReason.MEETING);
        assertThat(agent.dialFailed("call-9", LATER.plusSeconds(6))).isFalse();
    }

    @Test
    void theCallerHangingUpDuringTheOfferLeavesTheAgentReady() {
        Agent agent = agentIn(AgentStatus.ALERTING);
        assertThat(agent.offerWithdrawn(CALL, LATER)).isTrue();
        assertThat(agent.status()).isEqualTo(AgentStatus.READY);
        assertThat(agent.callId()).isEmpty();
        assertThat(agent.offerWithdrawn(CALL, LATER)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AgentStatus.class)
    void anEndReportedForAnotherCallChangesNothing(AgentStatus status) {
        Agent agent = agentIn(status);
        assertThat(agent.callEnded("other-call", LATER)).isFalse();
        assertThat(agent.status()).isEqualTo(status);
    }

    @Test
    void aTransferTargetGoesBackToReadyWhenTheTryEnds() {
        Agent agent = agentIn(AgentStatus.READY);
        agent.joinConsultation("call-7", LATER);
        assertThat(agent.leaveConsultation("call-7", LATER.plusSeconds(3))).isTrue();
        assertThat(agent.status()).isEqualTo(AgentStatus.READY);
    }

    @Test
    void thePhoneChangesOnlyWhileLoggedOut() {
        Agent agent = agentIn(AgentStatus.REST);
        assertThatThrownBy(() -> agent.changeRegistration("Alice", "1001", "PJSIP/1005", AgentRole.AGENT, Set.of()))
                .isInstanceOf(TransitionRefused.class);
        agent.logOut(LATER);
        agent.changeRegistration("Alice", "1001", "PJSIP/1005", AgentRole.AGENT, Set.of());
        assertThat(agent.device()).isEqualTo("PJSIP/1005");
    }
}
