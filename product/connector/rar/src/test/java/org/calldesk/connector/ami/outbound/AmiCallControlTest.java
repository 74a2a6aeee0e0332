package org.calldesk.connector.ami.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calldesk.connector.ami.mapping.AmiEvents.AGENT;
import static org.calldesk.connector.ami.mapping.AmiEvents.CALL;
import static org.calldesk.connector.ami.mapping.AmiEvents.CONSULT;
import static org.calldesk.connector.ami.mapping.AmiEvents.CUSTOMER;
import static org.calldesk.connector.ami.mapping.AmiEvents.CUSTOMER_UID;
import static org.calldesk.connector.ami.mapping.AmiEvents.PHONE_1001;
import static org.calldesk.connector.ami.mapping.AmiEvents.PHONE_1002;
import static org.calldesk.connector.ami.mapping.AmiEvents.RING;
import static org.calldesk.connector.ami.mapping.AmiEvents.bridgeEnter;
import static org.calldesk.connector.ami.mapping.AmiEvents.bridgeLeave;
import static org.calldesk.connector.ami.mapping.AmiEvents.musicOnHoldStart;
import static org.calldesk.connector.ami.mapping.AmiEvents.hangup;
import static org.calldesk.connector.ami.mapping.AmiEvents.newChannel;
import static org.calldesk.connector.ami.mapping.AmiEvents.ringing;
import static org.calldesk.connector.ami.mapping.AmiEvents.up;
import static org.calldesk.connector.ami.mapping.AmiEvents.waiting;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.calldesk.connector.ami.AmiSettings;
import org.calldesk.connector.ami.ConfigOverrides;
import org.calldesk.connector.ami.DialplanContexts;
import org.calldesk.connector.ami.PbxResourceAdapter;
import org.calldesk.connector.ami.mapping.AmiEventMapper;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The AMI actions each call control sends, per docs/asterisk.md, and how Asterisk's answers become exceptions. */
class AmiCallControlTest {


    private final FakeAmiSession session = new FakeAmiSession();
    private final CallRegistry registry = new CallRegistry();
    private final AmiEventMapper mapper = new AmiEventMapper(registry, DialplanContexts.DEFAULTS, Clock.systemUTC());
    private AmiCallControl control;

    @BeforeEach
    void control() {
        AmiSettings settings = new PbxResourceAdapter().resolveSettings(ConfigOverrides.none());
        control = new AmiCallControl(session.connection, registry, settings);
    }

    private void feed(ManagerEvent... events) {
        for (ManagerEvent event : events) {
            mapper.map(event);
        }
    }

    private List<CallEvent> feedAndCollect(ManagerEvent... events) {
        List<CallEvent> out = new ArrayList<>();
        for (ManagerEvent event : events) {
            out.addAll(mapper.map(event));
        }
        return out;
    }

    private String lastLegId() {
        return session.sent.stream().filter(OriginateAction.class::isInstance).map(OriginateAction.class::cast)
                .reduce((first, second) -> second).orElseThrow().getChannelId();
    }

    private void waitingCall() {
        feed(waiting(CUSTOMER_UID, CUSTOMER, "01012345678", "15880001"));
    }

    /** A call whose customer talks with an agent; returns the agent's leg. */
    private String talkingCall() throws PbxException {
        waitingCall();
        control.connect(CALL, PHONE_1001, RING);
        String leg = lastLegId();
        feed(newChannel(leg, leg, AGENT, "calldesk-connect", "s"), up(leg, AGENT),
                bridgeEnter(CUSTOMER_UID, CUSTOMER, "b1"), bridgeEnter(leg, AGENT, "b1"));
        session.sent.clear();
        return leg;
    }

    private String consultingCall() throws PbxException {
        String agentLeg = talkingCall();
        control.consult(CALL, PHONE_1002, RING);
        String consultLeg = lastLegId();
        feed(bridgeLeave(CUSTOMER_UID, CUSTOMER, "b1"), bridgeLeave(agentLeg, AGENT, "b1"),
                musicOnHoldStart(CUSTOMER_UID, CUSTOMER), newChannel(consultLeg, consultLeg, CONSULT, "calldesk-connect", "s"),
                bridgeEnter(consultLeg, CONSULT, "b2"), bridgeEnter(agentLeg, AGENT, "b2"));
        session.sent.clear();
        return consultLeg;
    }

    @Nested
    class DialUp {

        @Test
        void ringsTheAgentPhoneIntoTheOutboundContextUnderTheReturnedCallId() throws Exception {
            CallId call = control.originate(PHONE_1001, "0212345678", "15880001", Duration.ofSeconds(30));

            assertThat(session.transcript()).containsExactly(
                    "GetVar Variable=DEVICE_STATE(PJSIP/1001)",
                    "Originate Channel=PJSIP/1001 Context=calldesk-outbound Exten=0212345678"
                            + " Variables={CALLDESK_SENDNO=15880001, CALLDESK_TIMEOUT=30}");
            OriginateAction originate = (OriginateAction) session.sent.get(1);
            assertThat(originate.getChannelId()).isEqualTo(call.value());
            assertThat(originate.getCallerId()).isEqualTo("15880001");
            assertThat(originate.getAsync()).isTrue();
            assertThat(originate.getTimeout()).isEqualTo(30_000L);
            assertThat(registry.view(call)).isPresent();
        }

        @Test
        void unavailablePhoneIsRefusedBeforeAnythingRings() {
            session.deviceState = "UNAVAILABLE";

            assertThatThrownBy(() -> control.originate(PHONE_1001, "0212345678", "15880001", RING))
                    .isInstanceOfSatisfying(PbxException.DeviceUnavailable.class,
                            e -> assertThat(e.state()).isEqualTo(DeviceState.UNAVAILABLE));
            assertThat(session.transcript()).containsExactly("GetVar Variable=DEVICE_STATE(PJSIP/1001)");
        }

        @Test
        void originateThePbxRefusesLeavesNoCallBehind() {
            session.answers = action -> FakeAmiSession.error("Originate failed");

            assertThatThrownBy(() -> control.originate(PHONE_1001, "0212345678", "15880001", RING))
                    .isInstanceOf(PbxException.ActionRefused.class).hasMessageContaining("Originate failed");
            assertThat(registry.size()).isZero();
        }

        @Test
        void numbersThatAreNotDialableAreRejected() {
            assertThatThrownBy(() -> control.originate(PHONE_1001, "0212\r\nAction: Logoff", "15880001", RING))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(session.sent).isEmpty();
        }
    }

    @Nested
    class Inbound {

        @Test
        void connectRingsTheAgentIntoTheConnectContextWithTheCustomerAsPeer() throws Exception {
            waitingCall();

            control.connect(CALL, PHONE_1001, RING);

            assertThat(session.transcript()).containsExactly(
                    "GetVar Variable=DEVICE_STATE(PJSIP/1001)",
                    "Originate Channel=PJSIP/1001 Context=calldesk-connect Exten=s Variables={CALLDESK_PEER=" + CUSTOMER + "}");
            assertThat(((OriginateAction) session.sent.get(1)).getCallerId()).isEqualTo("01012345678");
        }

        @Test
        void connectingAgainStopsTheEarlierOfferRinging() throws Exception {
            waitingCall();
            control.connect(CALL, PHONE_1001, RING);
            String firstLeg = lastLegId();
            feed(newChannel(firstLeg, firstLeg, AGENT, "calldesk-connect", "s"));
            session.sent.clear();

            control.connect(CALL, PHONE_1002, RING);

            assertThat(session.transcript()).startsWith("GetVar Variable=DEVICE_STATE(PJSIP/1002)", "Hangup Channel=" + AGENT);
        }

        @Test
        void holdSendsTheCustomerToMusicAndTheAgentToTheWaitContext() throws Exception {
            talkingCall();

            control.hold(CALL);

            assertThat(session.transcript()).containsExactly("Redirect Channel=" + CUSTOMER + " Context=calldesk-hold"
                    + " ExtraChannel=" + AGENT + " ExtraContext=calldesk-agent-wait");
        }

        @Test
        void retrieveBridgesTheAgentWithTheCustomerAgain() throws Exception {
            talkingCall();

            control.retrieve(CALL);

            assertThat(session.transcript()).containsExactly(
                    "SetVar Channel=" + AGENT + " Value=" + CUSTOMER + " Variable=CALLDESK_PEER",
                    "Redirect Channel=" + AGENT + " Context=calldesk-connect");
        }

        @Test
        void disconnectPlaysTheAnnouncementToTheCustomerAndHangsUpTheAgent() throws Exception {
            talkingCall();

            control.announceAndHangup(CALL, "custom/abuse-warning");

            assertThat(session.transcript()).containsExactly(
                    "SetVar Channel=" + CUSTOMER + " Value=custom/abuse-warning Variable=CALLDESK_ANNOUNCEMENT",
                    "Redirect Channel=" + CUSTOMER + " Context=calldesk-announce",
                    "Hangup Channel=" + AGENT);
        }

        @Test
        void hangupHangsUpTheCustomerAndTheAgent() throws Exception {
            talkingCall();

            control.hangup(CALL);

            assertThat(session.transcript()).containsExactly("Hangup Channel=" + CUSTOMER, "Hangup Channel=" + AGENT);
        }

        @Test
        void holdWithoutAnAgentIsRefused() {
            waitingCall();

            assertThatThrownBy(() -> control.hold(CALL)).isInstanceOf(PbxException.ActionRefused.class)
                    .hasMessageContaining("no agent channel");
        }
    }

    @Nested
    class Transfer {

        @Test
        void consultHoldsTheCustomerThenRingsTheTargetWithTheFirstAgentAsPeerAndTheCustomerAfterThem() throws Exception {
            talkingCall();

            control.consult(CALL, PHONE_1002, RING);

            assertThat(session.transcript()).containsExactly(
                    "GetVar Variable=DEVICE_STATE(PJSIP/1002)",
                    "Redirect Channel=" + CUSTOMER + " Context=calldesk-hold ExtraChannel=" + AGENT
                            + " ExtraContext=calldesk-agent-wait",
                    "Originate Channel=PJSIP/1002 Context=calldesk-connect Exten=consult Variables={CALLDESK_CUSTOMER="
                            + CUSTOMER + ", CALLDESK_PEER=" + AGENT + "}");
        }

        @Test
        void transferConnectBridgesTheTargetWithTheCustomerAndHangsUpTheFirstAgent() throws Exception {
            consultingCall();

            control.completeTransfer(CALL);

            assertThat(session.transcript()).containsExactly(
                    "SetVar Channel=" + CONSULT + " Value=" + CUSTOMER + " Variable=CALLDESK_PEER",
                    "Redirect Channel=" + CONSULT + " Context=calldesk-connect",
                    "Hangup Channel=" + AGENT);
        }

        @Test
        void disconnectDuringATransferTryHangsUpTheTargetBeforeTheFirstAgent() throws Exception {
            consultingCall();

            control.announceAndHangup(CALL, "custom/abuse-warning");

            assertThat(session.transcript()).containsExactly(
                    "SetVar Channel=" + CUSTOMER + " Value=custom/abuse-warning Variable=CALLDESK_ANNOUNCEMENT",
                    "Redirect Channel=" + CUSTOMER + " Context=calldesk-announce",
                    "Hangup Channel=" + CONSULT,
                    "Hangup Channel=" + AGENT);
        }

        @Test
        void aTransferTryWhoseOriginateIsRefusedBringsTheCustomerBackToTheAgent() throws Exception {
            talkingCall();
            session.answers = action -> "Originate".equals(action.getAction())
                    ? FakeAmiSession.error("Extension does not exist.") : FakeAmiSession.success(action);

            assertThatThrownBy(() -> control.consult(CALL, PHONE_1002, RING))
                    .isInstanceOf(PbxException.ActionRefused.class);

            assertThat(session.transcript()).endsWith(
                    "SetVar Channel=" + AGENT + " Value=" + CUSTOMER + " Variable=CALLDESK_PEER",
                    "Redirect Channel=" + AGENT + " Context=calldesk-connect");
            assertThat(registry.view(CALL).orElseThrow().consultDevice()).isNull();
        }

        @Test
        void transferConnectBeforeTheTargetAnsweredIsRefused() throws Exception {
            talkingCall();
            control.consult(CALL, PHONE_1002, RING);

            assertThatThrownBy(() -> control.completeTransfer(CALL)).isInstanceOf(PbxException.ActionRefused.class)
                    .hasMessageContaining("has not answered");
        }

        @Test
        void transferCancelBringsTheFirstAgentBackBeforeHangingUpTheTarget() throws Exception {
            consultingCall();

            control.cancelConsult(CALL);

            assertThat(session.transcript()).containsExactly(
                    "SetVar Channel=" + CONSULT + " Value= Variable=CALLDESK_CUSTOMER",
                    "SetVar Channel=" + AGENT + " Value=" + CUSTOMER + " Variable=CALLDESK_PEER",
                    "Redirect Channel=" + AGENT + " Context=calldesk-connect",
                    "Hangup Channel=" + CONSULT);
        }
    }

    /** An Originate the PBX did not answer in time may still be placed: its leg is hung up, never adopted. */
    @Nested
    class UnansweredOriginate {

        private void originateGoesUnanswered() {
            session.failingAction = "Originate";
            session.failure = new TimeoutException("Timeout waiting for response to Originate");
        }

        private void pbxAnswersAgain() {
            session.failure = null;
            session.failingAction = null;
            session.sent.clear();
        }

        @Test
        void aConfirmWhoseLegThePbxPlacesLateHasThatLegHungUpAndNotTakenAsTheAgent() throws Exception {
            waitingCall();
            originateGoesUnanswered();

            assertThatThrownBy(() -> control.connect(CALL, PHONE_1001, RING))
                    .isInstanceOf(PbxException.PbxUnreachable.class).hasMessageContaining("did not answer Originate");
            String lateLeg = lastLegId();
            assertThat(session.transcript()).last().isEqualTo("Hangup Channel=" + lateLeg);
            pbxAnswersAgain();

            List<CallEvent> events = feedAndCollect(newChannel(lateLeg, lateLeg, AGENT, "calldesk-connect", "s"),
                    ringing(lateLeg, AGENT), up(lateLeg, AGENT), bridgeEnter(CUSTOMER_UID, CUSTOMER, "b1"),
                    bridgeEnter(lateLeg, AGENT, "b1"));

            assertThat(events).as("the late leg is no agent of the call").isEmpty();
            assertThat(mapper.takeLegsToEnd()).as("hung up as soon as it shows").contains(AGENT);
            assertThat(registry.view(CALL).orElseThrow().agentDevice()).isNull();
            assertThat(registry.view(CALL).orElseThrow().phase()).isEqualTo(CallRegistry.Phase.WAITING);

            control.connect(CALL, PHONE_1001, RING);
            String leg = lastLegId();
            assertThat(leg).isNotEqualTo(lateLeg);
            assertThat(feedAndCollect(hangup(lateLeg, AGENT, 16), newChannel(leg, leg, "PJSIP/1001-00000009",
                    "calldesk-connect", "s"), up(leg, "PJSIP/1001-00000009"), bridgeEnter(leg, "PJSIP/1001-00000009", "b2"),
                    bridgeEnter(CUSTOMER_UID, CUSTOMER, "b2")))
                    .as("the next Confirm's leg connects").singleElement().isInstanceOf(CallEvent.CallAnswered.class);
        }

        @Test
        void aDialUpWhoseLegThePbxPlacesLateIsHungUpAndNoCallAppears() {
            originateGoesUnanswered();

            assertThatThrownBy(() -> control.originate(PHONE_1001, "0212345678", "15880001", RING))
                    .isInstanceOf(PbxException.PbxUnreachable.class);
            String lateLeg = lastLegId();
            pbxAnswersAgain();

            assertThat(feedAndCollect(newChannel(lateLeg, lateLeg, AGENT, "calldesk-outbound", "0212345678"),
                    ringing(lateLeg, AGENT))).isEmpty();
            assertThat(mapper.takeLegsToEnd()).contains(AGENT);
            assertThat(registry.size()).isZero();
        }

        @Test
        void aTransferTryWhoseLegThePbxPlacesLateIsHungUpAndNotTakenAsTheTarget() throws Exception {
            talkingCall();
            originateGoesUnanswered();

            assertThatThrownBy(() -> control.consult(CALL, PHONE_1002, RING))
                    .isInstanceOf(PbxException.PbxUnreachable.class);
            String lateLeg = lastLegId();
            assertThat(session.transcript()).as("the held customer is brought back to the agent").endsWith(
                    "Hangup Channel=" + lateLeg,
                    "SetVar Channel=" + AGENT + " Value=" + CUSTOMER + " Variable=CALLDESK_PEER",
                    "Redirect Channel=" + AGENT + " Context=calldesk-connect");
            pbxAnswersAgain();

            assertThat(feedAndCollect(newChannel(lateLeg, lateLeg, CONSULT, "calldesk-connect", "consult"),
                    up(lateLeg, CONSULT))).isEmpty();
            assertThat(mapper.takeLegsToEnd()).contains(CONSULT);
            assertThat(registry.view(CALL).orElseThrow().consultDevice()).isNull();
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownCallIsRefusedWithoutAskingThePbx() {
            assertThatThrownBy(() -> control.hangup(new CallId("no-such-call")))
                    .isInstanceOfSatisfying(PbxException.UnknownCall.class,
                            e -> assertThat(e.call()).isEqualTo(new CallId("no-such-call")));
            assertThat(session.sent).isEmpty();
        }

        @Test
        void noSuchChannelIsAnUnknownCall() throws Exception {
            talkingCall();
            session.answers = action -> FakeAmiSession.error("No such channel");

            assertThatThrownBy(() -> control.hold(CALL)).isInstanceOf(PbxException.UnknownCall.class);
        }

        @Test
        void otherErrorsAreRefusalsWithAsterisksMessage() throws Exception {
            talkingCall();
            session.answers = action -> FakeAmiSession.error("Permission denied");

            assertThatThrownBy(() -> control.hold(CALL))
                    .isInstanceOfSatisfying(PbxException.ActionRefused.class, e -> assertThat(e.action()).isEqualTo("Redirect"))
                    .hasMessageContaining("Permission denied");
        }

        @Test
        void deadSessionIsPbxUnreachable() {
            session.failure = new IllegalStateException("Actions may only be sent when in state CONNECTED");

            assertThatThrownBy(() -> control.deviceState(PHONE_1001)).isInstanceOf(PbxException.PbxUnreachable.class);
        }

        @Test
        void brokenLinkIsPbxUnreachable() {
            session.failure = new IOException("Broken pipe");

            assertThatThrownBy(() -> control.deviceState(PHONE_1001)).isInstanceOf(PbxException.PbxUnreachable.class)
                    .hasMessageContaining("Broken pipe");
        }

        @Test
        void pbxNotAnsweringInTimeIsPbxUnreachable() {
            session.failure = new TimeoutException("Timeout waiting for response to GetVar");

            assertThatThrownBy(() -> control.deviceState(PHONE_1001)).isInstanceOf(PbxException.PbxUnreachable.class)
                    .hasMessageContaining("did not answer Getvar");
        }

        @Test
        void badAnnouncementNameIsRejected() throws Exception {
            talkingCall();

            assertThatThrownBy(() -> control.announceAndHangup(CALL, "warn\r\nAction: Logoff"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(session.sent).isEmpty();
        }
    }

    @Test
    void variablesAreSentInTheirOwnHeaders() {
        OriginateAction originate = new OriginateAction();
        originate.setVariable("A", "1");
        originate.setVariable("B", "2");

        assertThat(originate.getVariables()).isEqualTo(Map.of("A", "1", "B", "2"));
    }
}
