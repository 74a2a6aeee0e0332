package org.calldesk.connector.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.calldesk.connector.ami.inbound.PbxActivationSpec;
import org.calldesk.connector.ami.mapping.AmiEventMapper;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.ami.outbound.PbxManagedConnectionFactory;
import org.calldesk.connector.api.CallEvent.CallAnswered;
import org.calldesk.connector.api.CallEvent.CallArrived;
import org.calldesk.connector.api.CallEvent.CallEnded;
import org.calldesk.connector.api.CallEvent.CallHeld;
import org.calldesk.connector.api.CallEvent.CallRetrieved;
import org.calldesk.connector.api.CallEvent.CallRinging;
import org.calldesk.connector.api.CallEvent.CallTransferred;
import org.calldesk.connector.api.CallEvent.ConsultAnswered;
import org.calldesk.connector.api.CallEvent.ConsultFailed;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.EndCause;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxException;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call control of {@link PbxConnection}, through the adapter's connection factory and
 * asterisk-java over real TCP against the PBX simulator, checked by the call events the adapter
 * delivers to its endpoint.
 */
class CallControlIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration RING = Duration.ofSeconds(10);
    private static final DeviceId PHONE_1001 = new DeviceId("PJSIP/1001");
    private static final DeviceId PHONE_1002 = new DeviceId("PJSIP/1002");

    /** Agents' phones behind Local channels, as on the recorded Asterisk rig (asterisk-traces/README.md). */
    private static final String LOCAL_PHONES = """

            [phones]
            exten => _10XX,1,Ringing()
             same => n,Wait(0.1)
             same => n,Answer()
             same => n,Wait(7200)
             same => n,Hangup()
            """;
    private static final DeviceId LOCAL_1001 = new DeviceId("Local/1001@phones");

    private final ExecutorWorkManager workManager = new ExecutorWorkManager(4);
    private final RecordingEndpointFactory endpoint = new RecordingEndpointFactory("call-events");
    private PbxSimulator pbx;
    private PbxResourceAdapter adapter;
    private PbxConnectionFactory connections;

    @BeforeEach
    void pbxAdapterAndConnectionFactory() throws Exception {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "it-secret")
                .dialplan(PbxSimulator.defaultDialplan() + LOCAL_PHONES)
                .phoneBehaviour(Behaviour.answerAfter(100)).customerBehaviour(Behaviour.answerAfter(100))
                .playbackMillis(100).build().start();
        adapter = new PbxResourceAdapter();
        adapter.setAmiPort(pbx.amiPort());
        adapter.setAmiSecret("it-secret");
        adapter.setReconnectInitialDelayMillis(50);
        adapter.endpointActivation(endpoint, new PbxActivationSpec());
        adapter.start(new FakeBootstrapContext(workManager));
        PbxManagedConnectionFactory factory = new PbxManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        connections = (PbxConnectionFactory) factory.createConnectionFactory();
        await().atMost(PATIENCE).until(adapter::pbxConnected);
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        adapter.stop();
        pbx.close();
        workManager.close();
    }

    private <T extends CallEvent> T awaitEvent(Class<T> type, Predicate<T> matching) {
        return endpoint.awaitEvent(type, matching, PATIENCE);
    }

    private List<CallEvent> eventsOf(CallId call) {
        return endpoint.eventsOf(call);
    }

    private CallId waitingCall(String caller) {
        pbx.inboundCall(caller, "15880001");
        return awaitEvent(CallArrived.class, arrived -> arrived.callerNumber().equals(caller)).call();
    }

    private CallId talkingCall(String caller) throws PbxException {
        CallId call = waitingCall(caller);
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, PHONE_1001, RING);
        }
        awaitEvent(CallAnswered.class, answered -> answered.call().equals(call));
        return call;
    }

    /**
     * The walk of the manual that a real Asterisk 22.10.1 recorded (asterisk-traces, 05:24:42 to
     * 05:25:24: connect, hold, retrieve, transfer try, transfer connect, disconnect), done again
     * with the same call controls against the simulator: the adapter must report the same call
     * events for both, in the same order. The rig's phones were Local channels, the simulator's
     * are PJSIP endpoints; call ids and times differ by nature.
     */
    @Test
    void theSimulatorReportsTheRecordedWalkOfTheManualAsAsteriskDid() throws Exception {
        CallRegistry traceRegistry = new CallRegistry();
        AmiEventMapper traceMapper = new AmiEventMapper(traceRegistry, DialplanContexts.DEFAULTS, java.time.Clock.systemUTC());
        List<String> asterisk = new java.util.ArrayList<>();
        for (org.asteriskjava.manager.event.ManagerEvent event
                : AmiTrace.between(AmiTrace.read("asterisk-22.10.1-walk.ami.txt"), "05:24:42", "05:25:24")) {
            traceMapper.map(event).stream().filter(e -> e.callId().isPresent()).map(CallControlIntegrationTest::comparable)
                    .forEach(asterisk::add);
        }

        CallId call = talkingCall("01012345678");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hold(call);
            awaitEvent(CallHeld.class, held -> held.call().equals(call));
            pbxConnection.retrieve(call);
            awaitEvent(CallRetrieved.class, retrieved -> retrieved.call().equals(call));
            pbxConnection.consult(call, PHONE_1002, RING);
            awaitEvent(ConsultAnswered.class, answered -> answered.call().equals(call));
            pbxConnection.completeTransfer(call);
            awaitEvent(CallTransferred.class, transferred -> transferred.call().equals(call));
            pbxConnection.announceAndHangup(call, "custom/abuse-warning");
        }
        awaitEvent(CallEnded.class, ended -> ended.call().equals(call));

        assertThat(asterisk).as("what Asterisk's events mean").hasSize(10);
        assertThat(eventsOf(call)).extracting(CallControlIntegrationTest::comparable).containsExactlyElementsOf(asterisk);
    }

    /** A call event without its call id and time, with the rig's Local-channel phones named as the simulator's. */
    private static String comparable(CallEvent event) {
        return event.toString().replaceAll("at=[^,)\\]]*", "").replaceAll("call=[^,)]*", "")
                .replace("Local/1001@phones", "PJSIP/1001").replace("Local/1002@phones", "PJSIP/1002");
    }

    @Test
    void aConfirmToALocalChannelDeviceConnectsThroughItsFirstHalfAndLeavesNoHalfBehind() throws Exception {
        CallId call = waitingCall("01011110030");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            assertThat(pbxConnection.deviceState(LOCAL_1001)).isEqualTo(DeviceState.NOT_IN_USE);
            pbxConnection.connect(call, LOCAL_1001, RING);
        }

        assertThat(awaitEvent(CallAnswered.class, answered -> answered.call().equals(call)).agentDevice())
                .isEqualTo(LOCAL_1001);
        assertThat(pbx.channels()).extracting(channel -> channel.name().replaceAll("-[0-9a-f]{8}", ""))
                .containsExactlyInAnyOrder("PJSIP/trunk", "Local/1001@phones;1", "Local/1001@phones;2");
        pbx.hangupCall(call.value());
        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause())
                .isEqualTo(EndCause.CUSTOMER_HANGUP);
        await().atMost(PATIENCE).until(() -> pbx.channels().isEmpty());
    }

    @Test
    void aDialUpFromALocalChannelDeviceTakesTheDialledCustomerNotTheSecondHalf() throws Exception {
        CallId call;
        try (PbxConnection pbxConnection = connections.getConnection()) {
            call = pbxConnection.originate(LOCAL_1001, "01099990030", "15880001", RING);
        }

        awaitEvent(CallAnswered.class, answered -> answered.call().equals(call));
        assertThat(eventsOf(call)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CallRinging", "CallRinging", "CallAnswered");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hangup(call);
        }
        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.AGENT_HANGUP);
        await().atMost(PATIENCE).until(() -> pbx.channels().isEmpty());
    }

    @Test
    void deviceStatesAreReadFromThePbx() throws Exception {
        pbx.setPhoneRegistered("PJSIP/1003", false);

        try (PbxConnection pbxConnection = connections.getConnection()) {
            assertThat(pbxConnection.deviceState(PHONE_1001)).isEqualTo(DeviceState.NOT_IN_USE);
            assertThat(pbxConnection.deviceState(new DeviceId("PJSIP/1003"))).isEqualTo(DeviceState.UNAVAILABLE);
            assertThat(pbxConnection.deviceState(new DeviceId("PJSIP/unknown"))).isEqualTo(DeviceState.INVALID);
        }
    }

    @Test
    void confirmRingsTheAgentAndConnectsTheWaitingCaller() throws Exception {
        CallId call = waitingCall("01011110001");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, PHONE_1001, RING);
        }

        awaitEvent(CallAnswered.class, answered -> answered.call().equals(call));
        assertThat(eventsOf(call)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CallArrived", "CallRinging", "CallAnswered");
        assertThat(endpoint.receivedOf(CallAnswered.class)).singleElement()
                .satisfies(answered -> assertThat(answered.agentDevice()).isEqualTo(PHONE_1001));
    }

    @Test
    void holdPlaysMusicAndRetrieveBringsTheCallerBack() throws Exception {
        CallId call = talkingCall("01011110002");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hold(call);
            awaitEvent(CallHeld.class, held -> held.call().equals(call));
            pbxConnection.retrieve(call);
        }

        awaitEvent(CallRetrieved.class, retrieved -> retrieved.call().equals(call));
        assertThat(pbx.call(call.value()).orElseThrow().channels()).hasSize(2)
                .allSatisfy(channel -> assertThat(channel.bridgeId()).isNotBlank());
    }

    @Test
    void transferTryThenConnectHandsTheCallerToTheSecondAgent() throws Exception {
        CallId call = talkingCall("01011110003");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, RING);
            awaitEvent(ConsultAnswered.class, answered -> answered.call().equals(call));
            pbxConnection.completeTransfer(call);
        }

        CallTransferred transferred = awaitEvent(CallTransferred.class, t -> t.call().equals(call));
        assertThat(transferred.from()).isEqualTo(PHONE_1001);
        assertThat(transferred.to()).isEqualTo(PHONE_1002);
        assertThat(eventsOf(call)).extracting(e -> e.getClass().getSimpleName())
                .containsSubsequence("CallHeld", "ConsultAnswered", "CallTransferred");
        pbx.hangupCall(call.value());
        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause())
                .isEqualTo(EndCause.CUSTOMER_HANGUP);
        assertThat(eventsOf(call)).filteredOn(CallEnded.class::isInstance).hasSize(1);
    }

    @Test
    void cancelledTransferTryBringsTheCallerBackToTheFirstAgent() throws Exception {
        CallId call = talkingCall("01011110004");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, RING);
            awaitEvent(ConsultAnswered.class, answered -> answered.call().equals(call));
            pbxConnection.cancelConsult(call);
            awaitEvent(CallRetrieved.class, retrieved -> retrieved.call().equals(call));
            pbxConnection.hangup(call);
        }

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.AGENT_HANGUP);
        assertThat(endpoint.receivedOf(ConsultFailed.class)).isEmpty();
        assertThat(pbx.calls()).isEmpty();
    }

    @Test
    void transferTryToABusyPhoneFailsAndTheCallerStaysHeld() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1002", Behaviour.busy());
        CallId call = talkingCall("01011110005");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, RING);
        }

        ConsultFailed failed = awaitEvent(ConsultFailed.class, f -> f.call().equals(call));
        assertThat(failed.cause()).isEqualTo(EndCause.BUSY);
        assertThat(failed.target()).isEqualTo(PHONE_1002);
        assertThat(eventsOf(call)).noneMatch(CallEnded.class::isInstance);
    }

    @Test
    void disconnectPlaysTheAnnouncementAndEndsTheCallAsTheAgents() throws Exception {
        CallId call = talkingCall("01011110006");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.announceAndHangup(call, "custom/abuse-warning");
        }

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.AGENT_HANGUP);
        await().atMost(PATIENCE).until(() -> pbx.calls().isEmpty());
    }

    @Test
    void hangUpEndsTheCallForEveryone() throws Exception {
        CallId call = talkingCall("01011110007");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hangup(call);
        }

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.AGENT_HANGUP);
        await().atMost(PATIENCE).until(() -> pbx.calls().isEmpty());
    }

    @Test
    void customerHangingUpWhileTalkingIsACustomerHangup() throws Exception {
        CallId call = talkingCall("01011110008");

        pbx.hangupCall(call.value());

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause())
                .isEqualTo(EndCause.CUSTOMER_HANGUP);
    }

    @Test
    void aCustomerWhoHangsUpOnHoldLeavesNoChannelOnTheAgentPhone() throws Exception {
        CallId call = talkingCall("01011110021");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hold(call);
        }
        awaitEvent(CallHeld.class, held -> held.call().equals(call));

        pbx.hangupCall(call.value());

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause())
                .isEqualTo(EndCause.CUSTOMER_HANGUP);
        awaitNoChannelOn(PHONE_1001);
    }

    @Test
    void anAgentWhoHangsUpWhileTheCustomerIsOnHoldEndsTheCall() throws Exception {
        CallId call = talkingCall("01011110026");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hold(call);
        }
        awaitEvent(CallHeld.class, held -> held.call().equals(call));

        hangUpThePhoneOf(PHONE_1001);

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause())
                .isEqualTo(EndCause.AGENT_HANGUP);
        await().atMost(PATIENCE).until(() -> pbx.call(call.value()).isEmpty());
    }

    @Test
    void aCustomerWhoHangsUpDuringATransferTryLeavesNeitherAgentOnTheLine() throws Exception {
        CallId call = talkingCall("01011110022");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, RING);
        }
        awaitEvent(ConsultAnswered.class, answered -> answered.call().equals(call));

        pbx.hangupCall(call.value());

        awaitEvent(CallEnded.class, ended -> ended.call().equals(call));
        awaitNoChannelOn(PHONE_1001);
        awaitNoChannelOn(PHONE_1002);
    }

    private void hangUpThePhoneOf(DeviceId phone) {
        pbx.channels().stream().filter(channel -> channel.device().equals(phone.value()))
                .forEach(channel -> pbx.hangupChannel(channel.name(), 16));
    }

    @Test
    void theFirstAgentHangingUpDuringAnAnsweredTransferTryHandsTheCallerToTheConsultedAgent() throws Exception {
        CallId call = talkingCall("01011110027");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, RING);
        }
        awaitEvent(ConsultAnswered.class, answered -> answered.call().equals(call));

        hangUpThePhoneOf(PHONE_1001);

        CallTransferred transferred = awaitEvent(CallTransferred.class, t -> t.call().equals(call));
        assertThat(transferred.from()).isEqualTo(PHONE_1001);
        assertThat(transferred.to()).isEqualTo(PHONE_1002);
        awaitNoChannelOn(PHONE_1001);
        assertThat(pbx.call(call.value()).orElseThrow().channels()).as("the customer and the consulted agent, bridged")
                .hasSize(2).allSatisfy(channel -> assertThat(channel.bridgeId()).isNotBlank());
        assertThat(eventsOf(call)).noneMatch(e -> e instanceof ConsultFailed || e instanceof CallEnded);

        pbx.hangupCall(call.value());
        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause())
                .isEqualTo(EndCause.CUSTOMER_HANGUP);
        awaitNoChannelOn(PHONE_1002);
    }

    @Test
    void theFirstAgentHangingUpWhileTheTransferTargetRingsConnectsTheCallerWhenTheTargetAnswers() throws Exception {
        CallId call = talkingCall("01011110028");
        pbx.setPhoneBehaviour("PJSIP/1002", Behaviour.answerAfter(2000));
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, RING);
        }
        awaitEvent(CallRinging.class, ringing -> ringing.call().equals(call) && ringing.party().equals(PHONE_1002.value()));

        hangUpThePhoneOf(PHONE_1001);
        awaitNoChannelOn(PHONE_1001);
        assertThat(eventsOf(call)).noneMatch(e -> e instanceof ConsultFailed || e instanceof CallEnded
                || e instanceof ConsultAnswered);

        CallTransferred transferred = awaitEvent(CallTransferred.class, t -> t.call().equals(call));
        assertThat(transferred.from()).isEqualTo(PHONE_1001);
        assertThat(transferred.to()).isEqualTo(PHONE_1002);
        assertThat(pbx.call(call.value()).orElseThrow().channels()).hasSize(2)
                .allSatisfy(channel -> assertThat(channel.bridgeId()).isNotBlank());
    }

    @Test
    void theFirstAgentHangingUpWhenTheTransferTargetNeverAnswersLetsTheCallerWaitForTheNextAgent() throws Exception {
        CallId call = talkingCall("01011110029");
        pbx.setPhoneBehaviour("PJSIP/1002", Behaviour.neverAnswer());
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, Duration.ofSeconds(1));
        }
        awaitEvent(CallRinging.class, ringing -> ringing.call().equals(call) && ringing.party().equals(PHONE_1002.value()));

        hangUpThePhoneOf(PHONE_1001);

        awaitEvent(ConsultFailed.class, failed -> failed.call().equals(call));
        awaitEvent(CallEvent.CallRequeued.class, requeued -> requeued.call().equals(call));
        awaitNoChannelOn(PHONE_1002);
        awaitNoChannelOn(PHONE_1001);
        assertThat(pbx.call(call.value()).orElseThrow().channels()).as("the caller, still on the line")
                .singleElement().satisfies(customer -> assertThat(customer.application()).isEqualTo("MusicOnHold"));
        assertThat(eventsOf(call)).noneMatch(CallEnded.class::isInstance);

        DeviceId next = new DeviceId("PJSIP/1003");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, next, RING);
        }
        awaitEvent(CallAnswered.class, answered -> answered.call().equals(call) && answered.agentDevice().equals(next));
        assertThat(pbx.call(call.value()).orElseThrow().channels()).as("the next agent's Confirm connects")
                .hasSize(2).allSatisfy(channel -> assertThat(channel.bridgeId()).isNotBlank());
    }

    @Test
    void theConsultedAgentHangingUpAfterAnsweringLeavesTheCallerHeldForTheFirstAgent() throws Exception {
        CallId call = talkingCall("01011110031");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.consult(call, PHONE_1002, RING);
        }
        awaitEvent(ConsultAnswered.class, answered -> answered.call().equals(call));

        hangUpThePhoneOf(PHONE_1002);

        assertThat(awaitEvent(ConsultFailed.class, failed -> failed.call().equals(call)).target()).isEqualTo(PHONE_1002);
        awaitNoChannelOn(PHONE_1002);
        assertThat(channelsOn(PHONE_1001)).as("the first agent's line stays up").hasSize(1);
        assertThat(eventsOf(call)).noneMatch(CallEnded.class::isInstance);
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.retrieve(call);
        }
        awaitEvent(CallRetrieved.class, retrieved -> retrieved.call().equals(call));
        assertThat(pbx.call(call.value()).orElseThrow().channels()).hasSize(2)
                .allSatisfy(channel -> assertThat(channel.bridgeId()).isNotBlank());
    }

    @Test
    void aConfirmToAPhoneThatNeverAnswersFailsAfterTheRingTimeoutAndTheCallerWaitsOn() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.neverAnswer());
        CallId call = waitingCall("01011110023");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, PHONE_1001, Duration.ofMillis(500));
        }

        CallEvent.ConnectFailed failed = awaitEvent(CallEvent.ConnectFailed.class, f -> f.call().equals(call));
        assertThat(failed.cause()).isEqualTo(EndCause.NO_ANSWER);
        assertThat(failed.agentDevice()).isEqualTo(PHONE_1001);
        awaitNoChannelOn(PHONE_1001);
        assertThat(pbx.call(call.value())).as("the caller still waits").isPresent();
        assertThat(eventsOf(call)).noneMatch(e -> e instanceof CallAnswered || e instanceof CallEnded);

        pbx.setPhoneBehaviour("PJSIP/1002", Behaviour.answerAfter(100));
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, PHONE_1002, RING);
        }
        assertThat(awaitEvent(CallAnswered.class, answered -> answered.call().equals(call)).agentDevice())
                .as("the next agent's Confirm connects").isEqualTo(PHONE_1002);
    }

    @Test
    void aConfirmToABusyPhoneFailsAsBusy() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.busy());
        CallId call = waitingCall("01011110024");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, PHONE_1001, RING);
        }

        assertThat(awaitEvent(CallEvent.ConnectFailed.class, f -> f.call().equals(call)).cause()).isEqualTo(EndCause.BUSY);
        assertThat(endpoint.receivedOf(CallEvent.ConnectFailed.class)).hasSize(1);
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentPhoneRingsStopsItRinging() throws Exception {
        pbx.setPhoneBehaviour("PJSIP/1001", Behaviour.neverAnswer());
        CallId call = waitingCall("01011110025");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, PHONE_1001, Duration.ofMinutes(1));
        }
        await().atMost(PATIENCE).until(() -> !channelsOn(PHONE_1001).isEmpty());

        pbx.hangupCall(call.value());

        awaitEvent(CallEnded.class, ended -> ended.call().equals(call));
        awaitNoChannelOn(PHONE_1001);
    }

    private List<String> channelsOn(DeviceId phone) {
        return pbx.channels().stream().filter(channel -> channel.device().equals(phone.value()))
                .map(channel -> channel.name() + " in " + channel.context()).toList();
    }

    private void awaitNoChannelOn(DeviceId phone) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(channelsOn(phone)).as("channels on " + phone).isEmpty());
    }

    @Test
    void dialUpRingsTheAgentThenTheCustomerAndConnectsThem() throws Exception {
        CallId call;
        try (PbxConnection pbxConnection = connections.getConnection()) {
            call = pbxConnection.originate(PHONE_1001, "0212345678", "15880001", RING);
        }

        awaitEvent(CallAnswered.class, answered -> answered.call().equals(call));
        assertThat(eventsOf(call)).filteredOn(CallRinging.class::isInstance).extracting(e -> ((CallRinging) e).party())
                .containsExactly("PJSIP/1001", "0212345678");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hangup(call);
        }
        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.AGENT_HANGUP);
    }

    @Test
    void dialUpToABusyCustomerEndsBusy() throws Exception {
        pbx.setCustomerBehaviour("0299990001", Behaviour.busy());

        CallId call;
        try (PbxConnection pbxConnection = connections.getConnection()) {
            call = pbxConnection.originate(PHONE_1001, "0299990001", "15880001", RING);
        }

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.BUSY);
    }

    @Test
    void dialUpToACustomerWhoNeverAnswersEndsNoAnswer() throws Exception {
        pbx.setCustomerBehaviour("0299990002", Behaviour.neverAnswer());

        CallId call;
        try (PbxConnection pbxConnection = connections.getConnection()) {
            call = pbxConnection.originate(PHONE_1001, "0299990002", "15880001", Duration.ofSeconds(1));
        }

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.NO_ANSWER);
    }

    @Test
    void phoneThatIsNotRegisteredIsRefusedAsUnavailable() throws Exception {
        pbx.setPhoneRegistered("PJSIP/1004", false);
        CallId call = waitingCall("01011110009");

        try (PbxConnection pbxConnection = connections.getConnection()) {
            assertThatThrownBy(() -> pbxConnection.connect(call, new DeviceId("PJSIP/1004"), RING))
                    .isInstanceOfSatisfying(PbxException.DeviceUnavailable.class,
                            e -> assertThat(e.state()).isEqualTo(DeviceState.UNAVAILABLE));
        }
    }

    @Test
    void controllingACallThatEndedIsAnUnknownCall() throws Exception {
        CallId call = talkingCall("01011110010");
        pbx.hangupCall(call.value());
        awaitEvent(CallEnded.class, ended -> ended.call().equals(call));

        try (PbxConnection pbxConnection = connections.getConnection()) {
            assertThatThrownBy(() -> pbxConnection.hold(call)).isInstanceOf(PbxException.UnknownCall.class);
        }
    }

    @Test
    void noConnectionCanBeHadWhileThePbxIsDown() {
        pbx.close();

        assertThatThrownBy(() -> connections.getConnection()).isInstanceOf(PbxException.PbxUnreachable.class)
                .hasMessageContaining("amiHost/amiPort");
    }

    @Test
    void theChannelListingNamesWaitingCallersAndTheAgentLegsTheApplicationPlacedWithTheirCalls() throws Exception {
        CallId waiting = waitingCall("01011112222");
        CallId talking = talkingCall("01033334444");

        List<PbxChannel> channels;
        try (PbxConnection pbxConnection = connections.getConnection()) {
            channels = pbxConnection.channels();
        }

        assertThat(channels).filteredOn(c -> c.part() == PbxChannel.Part.CALLER_WAITING && c.call().equals(waiting))
                .singleElement().satisfies(caller -> {
                    assertThat(caller.callerNumber()).isEqualTo("01011112222");
                    assertThat(caller.dialled()).isEqualTo("15880001");
                    assertThat(caller.arrival()).isPresent();
                });
        assertThat(channels).filteredOn(c -> c.part() == PbxChannel.Part.AGENT_LEG)
                .singleElement().satisfies(leg -> {
                    assertThat(leg.call()).isEqualTo(talking);
                    assertThat(leg.device()).contains(PHONE_1001);
                });
    }

    @Test
    void aChannelHungUpByNameLeavesThePbx() throws Exception {
        CallId talking = talkingCall("01033334444");
        PbxChannel agentLeg;
        try (PbxConnection pbxConnection = connections.getConnection()) {
            agentLeg = pbxConnection.channels().stream().filter(c -> c.part() == PbxChannel.Part.AGENT_LEG)
                    .findFirst().orElseThrow();

            pbxConnection.hangupChannel(agentLeg.name());

            await().atMost(PATIENCE).until(() -> pbxConnection.channels().stream()
                    .noneMatch(c -> c.name().equals(agentLeg.name())));
            pbxConnection.hangupChannel(agentLeg.name()); // gone already: no error
        }
        assertThat(agentLeg.call()).isEqualTo(talking);
    }
}
