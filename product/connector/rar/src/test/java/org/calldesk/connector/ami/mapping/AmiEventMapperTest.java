package org.calldesk.connector.ami.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calldesk.connector.ami.mapping.AmiEvents.bridgeEnter;
import static org.calldesk.connector.ami.mapping.AmiEvents.bridgeLeave;
import static org.calldesk.connector.ami.mapping.AmiEvents.deviceState;
import static org.calldesk.connector.ami.mapping.AmiEvents.dialBegin;
import static org.calldesk.connector.ami.mapping.AmiEvents.dialEnd;
import static org.calldesk.connector.ami.mapping.AmiEvents.hangup;
import static org.calldesk.connector.ami.mapping.AmiEvents.listed;
import static org.calldesk.connector.ami.mapping.AmiEvents.musicOnHoldStart;
import static org.calldesk.connector.ami.mapping.AmiEvents.musicOnHoldStop;
import static org.calldesk.connector.ami.mapping.AmiEvents.newChannel;
import static org.calldesk.connector.ami.mapping.AmiEvents.originateFailed;
import static org.calldesk.connector.ami.mapping.AmiEvents.ringing;
import static org.calldesk.connector.ami.mapping.AmiEvents.up;
import static org.calldesk.connector.ami.mapping.AmiEvents.waiting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.ManagerEvent;
import org.calldesk.connector.ami.CallDeskWaitingEvent;
import org.calldesk.connector.ami.DialplanContexts;
import org.calldesk.connector.api.CallEvent.CallAnswered;
import org.calldesk.connector.api.CallEvent.CallArrived;
import org.calldesk.connector.api.CallEvent.CallEnded;
import org.calldesk.connector.api.CallEvent.CallHeld;
import org.calldesk.connector.api.CallEvent.CallRetrieved;
import org.calldesk.connector.api.CallEvent.CallRinging;
import org.calldesk.connector.api.CallEvent.CallTransferred;
import org.calldesk.connector.api.CallEvent.ConnectFailed;
import org.calldesk.connector.api.CallEvent.ConsultAnswered;
import org.calldesk.connector.api.CallEvent.ConsultFailed;
import org.calldesk.connector.api.CallEvent.DeviceStateChanged;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.EndCause;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmiEventMapperTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String CUSTOMER_UID = "1740819600.1";
    private static final String CUSTOMER = "PJSIP/trunk-00000001";
    private static final CallId CALL = new CallId(CUSTOMER_UID);
    private static final DeviceId PHONE_1001 = new DeviceId("PJSIP/1001");
    private static final DeviceId PHONE_1002 = new DeviceId("PJSIP/1002");
    private static final String AGENT_UID = "calldesk-agent-1";
    private static final String AGENT = "PJSIP/1001-00000002";
    private static final String CONSULT_UID = "calldesk-consult-1";
    private static final String CONSULT = "PJSIP/1002-00000003";

    private CallRegistry registry;
    private AmiEventMapper mapper;

    @BeforeEach
    void newMapper() {
        registry = new CallRegistry();
        mapper = new AmiEventMapper(registry, DialplanContexts.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<CallEvent> feed(ManagerEvent... events) {
        List<CallEvent> out = new ArrayList<>();
        for (ManagerEvent event : events) {
            out.addAll(mapper.map(event));
        }
        return out;
    }

    private void waitingCall() {
        feed(newChannel(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-inbound", "15880001"),
                up(CUSTOMER_UID, CUSTOMER),
                waiting(CUSTOMER_UID, CUSTOMER, "01012345678", "15880001"),
                musicOnHoldStart(CUSTOMER_UID, CUSTOMER));
    }

    private void talkingCall() throws Exception {
        waitingCall();
        registry.addAgentLeg(CALL, AGENT_UID, PHONE_1001);
        feed(newChannel(AGENT_UID, AGENT_UID, AGENT, "calldesk-connect", "s"), ringing(AGENT_UID, AGENT), up(AGENT_UID, AGENT),
                musicOnHoldStop(CUSTOMER_UID, CUSTOMER), bridgeEnter(CUSTOMER_UID, CUSTOMER, "bridge-1"),
                bridgeEnter(AGENT_UID, AGENT, "bridge-1"));
    }

    /** Confirm: the agent's phone rings for the waiting caller. */
    private void agentPhoneRinging() throws Exception {
        waitingCall();
        registry.addAgentLeg(CALL, AGENT_UID, PHONE_1001);
        feed(newChannel(AGENT_UID, AGENT_UID, AGENT, "calldesk-connect", "s"), ringing(AGENT_UID, AGENT));
    }

    private void heldCall() throws Exception {
        talkingCall();
        feed(bridgeLeave(CUSTOMER_UID, CUSTOMER, "bridge-1"), bridgeLeave(AGENT_UID, AGENT, "bridge-1"),
                musicOnHoldStart(CUSTOMER_UID, CUSTOMER));
    }

    private void consultingCall() throws Exception {
        heldCall();
        registry.addConsultLeg(CALL, CONSULT_UID, PHONE_1002);
        feed(newChannel(CONSULT_UID, CONSULT_UID, CONSULT, "calldesk-connect", "s"), ringing(CONSULT_UID, CONSULT),
                up(CONSULT_UID, CONSULT), bridgeEnter(CONSULT_UID, CONSULT, "bridge-2"),
                bridgeEnter(AGENT_UID, AGENT, "bridge-2"));
    }

    @Nested
    class InboundCalls {

        @Test
        void waitingCallerArrivesUnderTheLinkedIdWithTheServiceNumber() {
            List<CallEvent> events = feed(newChannel(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-inbound", "15880001"),
                    waiting(CUSTOMER_UID, CUSTOMER, "01012345678", "15880001"));

            assertThat(events).containsExactly(new CallArrived(CALL, "01012345678", "15880001", NOW));
        }

        @Test
        void dialledNumberFallsBackToTheExtensionWithoutServiceHeader() {
            CallDeskWaitingEvent event = waiting(CUSTOMER_UID, CUSTOMER, "01012345678", null);
            event.setExten("15889999");

            assertThat(feed(event)).containsExactly(new CallArrived(CALL, "01012345678", "15889999", NOW));
        }

        @Test
        void anonymousCallerHasAnEmptyNumber() {
            assertThat(feed(waiting(CUSTOMER_UID, CUSTOMER, "<unknown>", "15880001")))
                    .containsExactly(new CallArrived(CALL, "", "15880001", NOW));
        }

        @Test
        void repeatedWaitingEventDoesNotArriveTwice() {
            waitingCall();

            assertThat(feed(waiting(CUSTOMER_UID, CUSTOMER, "01012345678", "15880001"))).isEmpty();
        }

        @Test
        void agentPhoneRingingThenBridgedWithTheCustomerIsAnswered() throws Exception {
            waitingCall();
            registry.addAgentLeg(CALL, AGENT_UID, PHONE_1001);

            List<CallEvent> events = feed(newChannel(AGENT_UID, AGENT_UID, AGENT, "calldesk-connect", "s"),
                    ringing(AGENT_UID, AGENT), up(AGENT_UID, AGENT), musicOnHoldStop(CUSTOMER_UID, CUSTOMER),
                    bridgeEnter(CUSTOMER_UID, CUSTOMER, "bridge-1"), bridgeEnter(AGENT_UID, AGENT, "bridge-1"));

            assertThat(events).containsExactly(new CallRinging(CALL, "PJSIP/1001", NOW), new CallAnswered(CALL, PHONE_1001, NOW));
            assertThat(registry.require(CALL).agentChannel()).isEqualTo(AGENT);
        }

        @Test
        void aConfirmTheAgentPhoneDidNotAnswerFailsAndLeavesTheCallerWaiting() throws Exception {
            agentPhoneRinging();

            assertThat(feed(hangup(AGENT_UID, AGENT, 19)))
                    .containsExactly(new ConnectFailed(CALL, PHONE_1001, EndCause.NO_ANSWER, NOW));
            assertThat(registry.require(CALL).phase()).isEqualTo(CallRegistry.Phase.WAITING);
            assertThat(registry.require(CALL).agentDevice()).isNull();
            assertThat(mapper.takeLegsToEnd()).isEmpty();
        }

        @Test
        void aConfirmToABusyPhoneFailsAsBusyFromTheOriginateResponse() throws Exception {
            waitingCall();
            registry.addAgentLeg(CALL, AGENT_UID, PHONE_1001);

            assertThat(feed(originateFailed(AGENT_UID, "PJSIP/1001", 5)))
                    .containsExactly(new ConnectFailed(CALL, PHONE_1001, EndCause.BUSY, NOW));
        }

        @Test
        void aConfirmToAPhoneThatRangOutFailsAsNoAnswer() throws Exception {
            // real Asterisk: OriginateResponse Failure, Reason 3, after the Originate timeout
            agentPhoneRinging();

            assertThat(feed(originateFailed(AGENT_UID, "PJSIP/1001", 3)))
                    .containsExactly(new ConnectFailed(CALL, PHONE_1001, EndCause.NO_ANSWER, NOW));
            assertThat(feed(hangup(AGENT_UID, AGENT, 19))).as("its hangup after the response").isEmpty();
        }

        @Test
        void aCallerWhoHangsUpWhileTheAgentPhoneRingsLeavesThatRingingLegToBeEnded() throws Exception {
            agentPhoneRinging();

            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.CUSTOMER_HANGUP, NOW));
            assertThat(mapper.takeLegsToEnd()).containsExactly(AGENT);
            assertThat(mapper.takeLegsToEnd()).as("taken once").isEmpty();
        }

        @Test
        void aCustomerWhoHangsUpOnHoldLeavesTheAgentWaitLegToBeEnded() throws Exception {
            heldCall();

            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.CUSTOMER_HANGUP, NOW));
            assertThat(mapper.takeLegsToEnd()).containsExactly(AGENT);
        }

        @Test
        void aCustomerWhoHangsUpDuringATransferTryLeavesBothAgentsToBeEnded() throws Exception {
            consultingCall();

            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.CUSTOMER_HANGUP, NOW));
            assertThat(mapper.takeLegsToEnd()).containsExactlyInAnyOrder(AGENT, CONSULT);
        }

        @Test
        void anAgentWhoHangsUpWhileTheCallerIsOnHoldLeavesTheCallerToBeEndedAsTheAgentsHangup() throws Exception {
            heldCall();

            assertThat(feed(hangup(AGENT_UID, AGENT, 16))).isEmpty();
            assertThat(mapper.takeLegsToEnd()).containsExactly(CUSTOMER);
            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.AGENT_HANGUP, NOW));
        }

        @Test
        void aRingingLegThePbxHasNotNamedYetIsEndedByItsChannelId() throws Exception {
            waitingCall();
            registry.addAgentLeg(CALL, AGENT_UID, PHONE_1001);

            feed(hangup(CUSTOMER_UID, CUSTOMER, 16));
            assertThat(mapper.takeLegsToEnd()).containsExactly(AGENT_UID);
        }

        @Test
        void callerHangingUpWhileWaitingEndsTheCallAsCustomerHangup() {
            waitingCall();

            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16))).containsExactly(
                    new CallEnded(CALL, EndCause.CUSTOMER_HANGUP, NOW));
            assertThat(registry.size()).isZero();
        }

        @Test
        void customerHangingUpFirstIsACustomerHangupAndTheAgentLegAfterwardsIsIgnored() throws Exception {
            talkingCall();

            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16), hangup(AGENT_UID, AGENT, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.CUSTOMER_HANGUP, NOW));
        }

        @Test
        void agentHangingUpFirstIsAnAgentHangup() throws Exception {
            talkingCall();

            assertThat(feed(hangup(AGENT_UID, AGENT, 16), hangup(CUSTOMER_UID, CUSTOMER, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.AGENT_HANGUP, NOW));
        }

        @Test
        void hangupTheApplicationAskedForIsAnAgentHangupWhoeverGoesFirst() throws Exception {
            talkingCall();
            registry.endRequested(CALL, EndCause.AGENT_HANGUP);

            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.AGENT_HANGUP, NOW));
        }

        @Test
        void hangupCauseTimestampIsTakenFromTheEvent() throws Exception {
            talkingCall();
            var hangup = hangup(CUSTOMER_UID, CUSTOMER, 16);
            hangup.setTimestamp(1740819661.250000);

            assertThat(feed(hangup)).containsExactly(
                    new CallEnded(CALL, EndCause.CUSTOMER_HANGUP, Instant.parse("2025-03-01T09:01:01.250Z")));
        }
    }

    @Nested
    class HoldAndRetrieve {

        @Test
        void customerLeavingTheBridgeForMusicIsHeldAndBackInTheBridgeIsRetrieved() throws Exception {
            talkingCall();

            List<CallEvent> held = feed(bridgeLeave(CUSTOMER_UID, CUSTOMER, "bridge-1"),
                    bridgeLeave(AGENT_UID, AGENT, "bridge-1"), musicOnHoldStart(CUSTOMER_UID, CUSTOMER));
            List<CallEvent> retrieved = feed(musicOnHoldStop(CUSTOMER_UID, CUSTOMER),
                    bridgeEnter(AGENT_UID, AGENT, "bridge-3"), bridgeEnter(CUSTOMER_UID, CUSTOMER, "bridge-3"));

            assertThat(held).containsExactly(new CallHeld(CALL, NOW));
            assertThat(retrieved).containsExactly(new CallRetrieved(CALL, NOW));
        }

        @Test
        void holdKeyOfThePhoneIsHeldAndRetrievedInsideTheBridge() throws Exception {
            talkingCall();

            assertThat(feed(musicOnHoldStart(CUSTOMER_UID, CUSTOMER))).containsExactly(new CallHeld(CALL, NOW));
            assertThat(feed(musicOnHoldStop(CUSTOMER_UID, CUSTOMER))).containsExactly(new CallRetrieved(CALL, NOW));
        }

        @Test
        void musicWhileWaitingIsNotAHold() {
            waitingCall();

            assertThat(feed(musicOnHoldStop(CUSTOMER_UID, CUSTOMER), musicOnHoldStart(CUSTOMER_UID, CUSTOMER))).isEmpty();
        }
    }

    @Nested
    class Transfers {

        @Test
        void consultedAgentBridgedWithTheFirstAgentIsConsultAnswered() throws Exception {
            heldCall();
            registry.addConsultLeg(CALL, CONSULT_UID, PHONE_1002);

            List<CallEvent> events = feed(newChannel(CONSULT_UID, CONSULT_UID, CONSULT, "calldesk-connect", "s"),
                    ringing(CONSULT_UID, CONSULT), up(CONSULT_UID, CONSULT), bridgeEnter(CONSULT_UID, CONSULT, "bridge-2"),
                    bridgeEnter(AGENT_UID, AGENT, "bridge-2"));

            assertThat(events).containsExactly(new CallRinging(CALL, "PJSIP/1002", NOW),
                    new ConsultAnswered(CALL, PHONE_1002, NOW));
        }

        @Test
        void busyConsultedAgentIsConsultFailedAndTheCustomerStaysHeld() throws Exception {
            heldCall();
            registry.addConsultLeg(CALL, CONSULT_UID, PHONE_1002);
            feed(newChannel(CONSULT_UID, CONSULT_UID, CONSULT, "calldesk-connect", "s"));

            assertThat(feed(hangup(CONSULT_UID, CONSULT, 17)))
                    .containsExactly(new ConsultFailed(CALL, PHONE_1002, EndCause.BUSY, NOW));
            assertThat(registry.require(CALL).phase()).isEqualTo(CallRegistry.Phase.HELD);
        }

        @Test
        void consultOriginateFailingWithoutAChannelIsConsultFailed() throws Exception {
            heldCall();
            registry.addConsultLeg(CALL, CONSULT_UID, PHONE_1002);

            assertThat(feed(originateFailed("<null>", "PJSIP/1002", 3)))
                    .containsExactly(new ConsultFailed(CALL, PHONE_1002, EndCause.NO_ANSWER, NOW));
        }

        @Test
        void transferConnectMovesTheCustomerToTheConsultedAgent() throws Exception {
            consultingCall();
            registry.transferCompleting(CALL);

            List<CallEvent> events = feed(bridgeLeave(CONSULT_UID, CONSULT, "bridge-2"),
                    bridgeLeave(AGENT_UID, AGENT, "bridge-2"), hangup(AGENT_UID, AGENT, 16),
                    musicOnHoldStop(CUSTOMER_UID, CUSTOMER), bridgeEnter(CONSULT_UID, CONSULT, "bridge-4"),
                    bridgeEnter(CUSTOMER_UID, CUSTOMER, "bridge-4"));

            assertThat(events).containsExactly(new CallTransferred(CALL, PHONE_1001, PHONE_1002, NOW));
            assertThat(registry.require(CALL).agentChannel()).isEqualTo(CONSULT);
            assertThat(feed(hangup(CUSTOMER_UID, CUSTOMER, 16)))
                    .containsExactly(new CallEnded(CALL, EndCause.CUSTOMER_HANGUP, NOW));
        }

        @Test
        void cancelledConsultIsSilentAndTheFirstAgentRetrievesTheCustomer() throws Exception {
            consultingCall();
            registry.consultCancelling(CALL);

            List<CallEvent> events = feed(bridgeLeave(AGENT_UID, AGENT, "bridge-2"),
                    bridgeEnter(AGENT_UID, AGENT, "bridge-5"), bridgeEnter(CUSTOMER_UID, CUSTOMER, "bridge-5"),
                    hangup(CONSULT_UID, CONSULT, 16));

            assertThat(events).containsExactly(new CallRetrieved(CALL, NOW));
        }
    }

    @Nested
    class OutboundCalls {

        private final CallId outbound = new CallId("calldesk-out-1");
        private final String agentChannel = "PJSIP/1001-00000010";
        private final String customerUid = "1740819700.20";
        private final String customerChannel = "PJSIP/trunk-00000011";

        @BeforeEach
        void dialUp() {
            registry.registerOutbound(outbound, PHONE_1001, "0212345678");
        }

        @Test
        void agentRingsThenCustomerRingsThenBothTalk() {
            List<CallEvent> events = feed(newChannel(outbound.value(), outbound.value(), agentChannel, "calldesk-outbound", "0212345678"),
                    ringing(outbound.value(), agentChannel), up(outbound.value(), agentChannel),
                    newChannel(customerUid, outbound.value(), customerChannel, "calldesk-outbound", "s"),
                    dialBegin(outbound.value(), agentChannel, customerUid, customerChannel),
                    ringing(customerUid, customerChannel), up(customerUid, customerChannel),
                    dialEnd(outbound.value(), agentChannel, "ANSWER"),
                    bridgeEnter(outbound.value(), agentChannel, "bridge-9"), bridgeEnter(customerUid, customerChannel, "bridge-9"));

            assertThat(events).containsExactly(new CallRinging(outbound, "PJSIP/1001", NOW),
                    new CallRinging(outbound, "0212345678", NOW), new CallAnswered(outbound, PHONE_1001, NOW));
        }

        @Test
        void busyCustomerEndsTheCallAsBusy() {
            List<CallEvent> events = feed(newChannel(outbound.value(), outbound.value(), agentChannel, "calldesk-outbound", "0212345678"),
                    up(outbound.value(), agentChannel), dialBegin(outbound.value(), agentChannel, customerUid, customerChannel),
                    dialEnd(outbound.value(), agentChannel, "BUSY"), hangup(customerUid, customerChannel, 17),
                    hangup(outbound.value(), agentChannel, 16));

            assertThat(events).containsExactly(new CallEnded(outbound, EndCause.BUSY, NOW));
        }

        @Test
        void customerNotAnsweringEndsTheCallAsNoAnswerEvenWithNormalClearing() {
            List<CallEvent> events = feed(newChannel(outbound.value(), outbound.value(), agentChannel, "calldesk-outbound", "0212345678"),
                    up(outbound.value(), agentChannel), dialBegin(outbound.value(), agentChannel, customerUid, customerChannel),
                    dialEnd(outbound.value(), agentChannel, "NOANSWER"), hangup(customerUid, customerChannel, 16));

            assertThat(events).containsExactly(new CallEnded(outbound, EndCause.NO_ANSWER, NOW));
        }

        @Test
        void agentNotAnsweringTheirPhoneEndsTheCallAsNoAnswer() {
            List<CallEvent> events = feed(newChannel(outbound.value(), outbound.value(), agentChannel, "calldesk-outbound", "0212345678"),
                    ringing(outbound.value(), agentChannel), hangup(outbound.value(), agentChannel, 19));

            assertThat(events).containsExactly(new CallRinging(outbound, "PJSIP/1001", NOW),
                    new CallEnded(outbound, EndCause.NO_ANSWER, NOW));
        }

        @Test
        void busyAgentPhoneReportedOnlyByOriginateResponseEndsTheCallAsBusy() {
            assertThat(feed(originateFailed(outbound.value(), "PJSIP/1001", 5)))
                    .containsExactly(new CallEnded(outbound, EndCause.BUSY, NOW));
        }
    }

    @Test
    void deviceStateChangeIsReportedTyped() {
        assertThat(feed(deviceState("PJSIP/1001", "INUSE")))
                .containsExactly(new DeviceStateChanged(PHONE_1001, DeviceState.IN_USE, NOW));
    }

    @ParameterizedTest
    @CsvSource({"NOT_INUSE,NOT_IN_USE", "INUSE,IN_USE", "BUSY,BUSY", "RINGING,RINGING", "RINGINUSE,RINGING_IN_USE",
            "ONHOLD,ON_HOLD", "UNAVAILABLE,UNAVAILABLE", "INVALID,INVALID", "UNKNOWN,UNKNOWN", "SOMETHING_NEW,UNKNOWN"})
    void asteriskDeviceStatesMapToTheApiEnum(String asterisk, DeviceState expected) {
        assertThat(DeviceStates.parse(asterisk)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"16,false,CUSTOMER_HANGUP", "16,true,AGENT_HANGUP", "0,false,CUSTOMER_HANGUP", "17,false,BUSY",
            "18,false,NO_ANSWER", "19,false,NO_ANSWER", "21,false,FAILED", "34,false,FAILED", "127,true,FAILED"})
    void customerHangupCauseAndOrderGiveTheEndCause(int cause, boolean agentFirst, EndCause expected) {
        CallRegistry.TrackedCall call = new CallRegistry.TrackedCall(CALL, CallRegistry.Direction.INBOUND,
                CallRegistry.Phase.TALKING);
        call.everAnswered = true;
        call.agentHungUpFirst = agentFirst;

        assertThat(AmiEventMapper.customerEndCause(call, cause)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PJSIP/1001-0000002a,PJSIP/1001", "SIP/agent-7-00000001,SIP/agent-7", "PJSIP/1001,PJSIP/1001"})
    void deviceIsTheChannelNameWithoutItsSequence(String channel, String device) {
        assertThat(AmiEventMapper.deviceOf(channel)).isEqualTo(new DeviceId(device));
    }

    @Nested
    class Resynchronisation {

        @Test
        void knownCallMissingFromTheListingEndedWhileAway() throws Exception {
            talkingCall();

            assertThat(mapper.reconcile(List.of())).containsExactly(new CallEnded(CALL, EndCause.FAILED, NOW));
            assertThat(registry.size()).isZero();
        }

        @Test
        void callStillTalkingIsLeftAlone() throws Exception {
            talkingCall();

            assertThat(mapper.reconcile(List.of(
                    listed(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-inbound", "15880001", "MusicOnHold", "bridge-1", "01012345678"),
                    listed(AGENT_UID, CUSTOMER_UID, AGENT, "calldesk-connect", "s", "Bridge", "bridge-1", "")))).isEmpty();
        }

        @Test
        void callHeldWhileAwayIsReportedHeld() throws Exception {
            talkingCall();

            assertThat(mapper.reconcile(List.of(
                    listed(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-hold", "s", "MusicOnHold", "", "01012345678"),
                    listed(AGENT_UID, CUSTOMER_UID, AGENT, "calldesk-agent-wait", "s", "Wait", "", ""))))
                    .containsExactly(new CallHeld(CALL, NOW));
        }

        @Test
        void callerWaitingSinceBeforeTheConnectionArrives() {
            assertThat(mapper.reconcile(List.of(listed(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-inbound",
                    "15880001", "MusicOnHold", "", "01012345678"))))
                    .containsExactly(new CallArrived(CALL, "01012345678", "15880001", NOW));
        }

        @Test
        void callersWhoArrivedWhileAwayArriveInTheOrderTheyReachedThePbxAtTheirPbxTime() {
            List<CallEvent> events = mapper.reconcile(List.of(
                    listed("1740819590.12", "1740819590.12", "PJSIP/trunk-00000012", "calldesk-inbound", "15880001",
                            "MusicOnHold", "", "0103"),
                    listed("1740819585.7", "1740819585.7", "PJSIP/trunk-00000007", "calldesk-inbound", "15880001",
                            "MusicOnHold", "", "0101"),
                    listed("1740819590.9", "1740819590.9", "PJSIP/trunk-00000009", "calldesk-inbound", "15880001",
                            "MusicOnHold", "", "0102")));

            Instant tenSecondsAgo = NOW.minusSeconds(10);
            assertThat(events).containsExactly(
                    new CallArrived(new CallId("1740819585.7"), "0101", "15880001", NOW.minusSeconds(15).plusNanos(7_000)),
                    new CallArrived(new CallId("1740819590.9"), "0102", "15880001", tenSecondsAgo.plusNanos(9_000)),
                    new CallArrived(new CallId("1740819590.12"), "0103", "15880001", tenSecondsAgo.plusNanos(12_000)));
        }

        @Test
        void callAnsweredWhileAwayArrivesAndIsAnswered() {
            assertThat(mapper.reconcile(List.of(
                    listed(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-inbound", "15880001", "MusicOnHold", "bridge-7", "01012345678"),
                    listed(AGENT_UID, CUSTOMER_UID, AGENT, "calldesk-connect", "s", "Bridge", "bridge-7", ""))))
                    .containsExactly(new CallArrived(CALL, "01012345678", "15880001", NOW),
                            new CallAnswered(CALL, PHONE_1001, NOW));
        }

        @Test
        void waitingCallConnectedByAnotherServerWhileAwayIsAnswered() {
            waitingCall();

            assertThat(mapper.reconcile(List.of(
                    listed(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-inbound", "15880001", "MusicOnHold", "bridge-8", "01012345678"),
                    listed("elsewhere-1", CUSTOMER_UID, "PJSIP/1002-00000040", "calldesk-connect", "s", "Bridge", "bridge-8", ""))))
                    .containsExactly(new CallAnswered(CALL, PHONE_1002, NOW));
        }

        /** Both halves of the caller's Local channel are listed in the inbound context; either may come first. */
        @ParameterizedTest
        @CsvSource({"1796621084.2, 1796621084.3", "1796621084.3, 1796621084.2"})
        void callerWaitingThroughALocalChannelIsTheHalfRunningTheDialplan(String outerId, String innerId) {
            String outer = "Local/15880001@calldesk-inbound-00000000;1";
            String inner = "Local/15880001@calldesk-inbound-00000000;2";
            CallId call = new CallId(outerId);

            List<CallEvent> events = mapper.reconcile(List.of(
                    listed(outerId, outerId, outer, "calldesk-inbound", "15880001", "Wait", "", "01012345678"),
                    listed(innerId, outerId, inner, "calldesk-inbound", "15880001", "MusicOnHold", "", "01012345678")));

            assertThat(events).containsExactly(new CallArrived(call, "01012345678", "15880001", NOW));
            assertThat(registry.view(call).orElseThrow().customerChannel()).isEqualTo(inner);
        }

        @Test
        void channelThatHungUpDuringTheListingIsNotRevived() {
            waitingCall();
            feed(hangup(CUSTOMER_UID, CUSTOMER, 16));

            assertThat(mapper.reconcile(List.of(listed(CUSTOMER_UID, CUSTOMER_UID, CUSTOMER, "calldesk-inbound",
                    "15880001", "MusicOnHold", "", "01012345678")))).isEmpty();
        }

        @Test
        void sameUniqueIdOnAnotherChannelAfterAPbxRestartIsNotTheOldCall() throws Exception {
            talkingCall();

            List<CallEvent> events = mapper.reconcile(List.of(listed(CUSTOMER_UID, CUSTOMER_UID, "PJSIP/trunk-00000099",
                    "calldesk-inbound", "15880002", "MusicOnHold", "", "0109999")));

            assertThat(events).first().isEqualTo(new CallEnded(CALL, EndCause.FAILED, NOW));
        }
    }
}
