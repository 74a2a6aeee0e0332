package org.calldesk.connector.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.OriginateAction;
import org.calldesk.connector.ami.inbound.PbxActivationSpec;
import org.calldesk.connector.ami.outbound.PbxManagedConnectionFactory;
import org.calldesk.connector.api.CallEvent.CallAnswered;
import org.calldesk.connector.api.CallEvent.CallArrived;
import org.calldesk.connector.api.CallEvent.CallEnded;
import org.calldesk.connector.api.CallEvent.CallHeld;
import org.calldesk.connector.api.CallEvent.CallRetrieved;
import org.calldesk.connector.api.CallEvent.PbxConnectionLost;
import org.calldesk.connector.api.CallEvent.PbxConnectionRestored;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.EndCause;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxException;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AMI link dies in the middle of calls; what happened on the PBX meanwhile must reach the
 * application once the adapter is back, so that it ends with the PBX's true call state.
 * {@link AmiLinkCutter} cuts only the link (the PBX keeps its calls); restarting the simulator
 * loses the calls too, as a restarted Asterisk does.
 */
class ResynchronisationIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration RING = Duration.ofSeconds(10);
    private static final DeviceId PHONE_1001 = new DeviceId("PJSIP/1001");

    private final ExecutorWorkManager workManager = new ExecutorWorkManager(4);
    private final RecordingEndpointFactory endpoint = new RecordingEndpointFactory("call-events");
    private PbxSimulator pbx;
    private AmiLinkCutter link;
    private PbxResourceAdapter adapter;
    private PbxConnectionFactory connections;

    @BeforeEach
    void pbxLinkAndAdapter() throws Exception {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "resync-secret")
                .phoneBehaviour(Behaviour.answerAfter(100)).customerBehaviour(Behaviour.answerAfter(100))
                .build().start();
        link = new AmiLinkCutter(pbx.amiPort());
        startAdapter();
    }

    /** An adapter as a node starts it: it knows nothing of the PBX's calls but what the PBX lists. */
    private void startAdapter() throws Exception {
        adapter = new PbxResourceAdapter();
        adapter.setAmiPort(link.port());
        adapter.setAmiSecret("resync-secret");
        adapter.setReconnectInitialDelayMillis(50);
        adapter.setReconnectMaxDelayMillis(200);
        adapter.endpointActivation(endpoint, new PbxActivationSpec());
        adapter.start(new FakeBootstrapContext(workManager));
        PbxManagedConnectionFactory factory = new PbxManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        connections = (PbxConnectionFactory) factory.createConnectionFactory();
        await().atMost(PATIENCE).until(adapter::pbxConnected);
    }

    @AfterEach
    void stopAll() throws Exception {
        adapter.stop();
        link.close();
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

    private void cutLink() throws Exception {
        link.cut();
        await().atMost(PATIENCE).until(() -> endpoint.receivedOf(PbxConnectionLost.class).size() == 1);
    }

    private void restoreLink() throws Exception {
        link.restore();
        await().atMost(PATIENCE).until(() -> endpoint.receivedOf(PbxConnectionRestored.class).size() == 1);
    }

    @Test
    void everyLoginListsTheCallsThePbxHasSoTheApplicationCanEndTheOnesItMissed() throws Exception {
        CallId stays = talkingCall("01022220010");
        CallId goes = waitingCall("01022220011");
        cutLink();

        pbx.hangupCall(goes.value());
        int listingsBefore = endpoint.receivedOf(CallEvent.PbxCallsListed.class).size();
        restoreLink();

        await().atMost(PATIENCE).until(() -> endpoint.receivedOf(CallEvent.PbxCallsListed.class).size() > listingsBefore);
        List<CallEvent.PbxCallsListed> listings = endpoint.receivedOf(CallEvent.PbxCallsListed.class);
        assertThat(listings.get(listings.size() - 1).calls()).contains(stays).doesNotContain(goes);
    }

    @Test
    void callThatEndedWhileTheLinkWasDownIsReportedEnded() throws Exception {
        CallId call = talkingCall("01022220001");
        cutLink();

        pbx.hangupCall(call.value());
        restoreLink();

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.FAILED);
    }

    @Test
    void callerWhoArrivedWhileTheLinkWasDownArrivesAndCanBeConnected() throws Exception {
        CallId gone = waitingCall("01022220002");
        cutLink();

        pbx.hangupCall(gone.value());
        pbx.inboundCall("01022220003", "15880002");
        restoreLink();

        CallArrived arrived = awaitEvent(CallArrived.class, a -> a.callerNumber().equals("01022220003"));
        assertThat(arrived.dialledNumber()).isEqualTo("15880002");
        awaitEvent(CallEnded.class, ended -> ended.call().equals(gone));
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(arrived.call(), PHONE_1001, RING);
        }
        awaitEvent(CallAnswered.class, answered -> answered.call().equals(arrived.call()));
    }

    @Test
    void callStillTalkingAfterTheCutIsLeftAloneAndStaysUnderControl() throws Exception {
        CallId call = talkingCall("01022220004");
        cutLink();

        restoreLink();
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hold(call);
            awaitEvent(CallHeld.class, held -> held.call().equals(call));
            pbxConnection.hangup(call);
        }

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.AGENT_HANGUP);
        assertThat(eventsOf(call)).filteredOn(CallEnded.class::isInstance).hasSize(1);
    }

    @Test
    void callAnsweredElsewhereWhileTheLinkWasDownIsReportedAnswered() throws Exception {
        CallId call = waitingCall("01022220005");
        cutLink();
        String customer = pbx.call(call.value()).orElseThrow().channels().get(0).name();

        connectFromAnotherServer(customer, "PJSIP/1002");
        restoreLink();

        assertThat(awaitEvent(CallAnswered.class, answered -> answered.call().equals(call)).agentDevice())
                .isEqualTo(new DeviceId("PJSIP/1002"));
        assertThat(eventsOf(call)).filteredOn(CallArrived.class::isInstance).hasSize(1);
    }

    /** What a second CallDesk server would do: Originate into the connect context, straight to the PBX. */
    private void connectFromAnotherServer(String customerChannel, String device) throws Exception {
        AmiSettings direct = new PbxResourceAdapter().resolveSettings(ConfigOverrides.of(Map.of(
                "calldesk.ami.port", Integer.toString(pbx.amiPort()), "calldesk.ami.secret", "resync-secret")));
        ManagerConnection other = AmiClient.open(direct, false, null);
        try {
            OriginateAction originate = new OriginateAction();
            originate.setChannel(device);
            originate.setContext("calldesk-connect");
            originate.setExten("s");
            originate.setPriority(1);
            originate.setAsync(true);
            originate.setTimeout(10_000L);
            originate.setVariable("CALLDESK_PEER", customerChannel);
            assertThat(other.sendAction(originate).getResponse()).isEqualTo("Success");
            await().atMost(PATIENCE).until(() -> pbx.channels().stream()
                    .filter(channel -> channel.bridgeId() != null && !channel.bridgeId().isBlank()).count() == 2);
        } finally {
            AmiClient.quietlyLogoff(other);
        }
    }

    @Test
    void pbxCrashInTheMiddleOfACallEndsItAndLaterCallsArrive() throws Exception {
        CallId call = talkingCall("01022220006");

        pbx.kill();
        await().atMost(PATIENCE).until(() -> endpoint.receivedOf(PbxConnectionLost.class).size() == 1);
        pbx.start();
        await().atMost(PATIENCE).until(() -> endpoint.receivedOf(PbxConnectionRestored.class).size() == 1);

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.FAILED);
        CallId next = waitingCall("01022220007");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(next, PHONE_1001, RING);
        }
        awaitEvent(CallAnswered.class, answered -> answered.call().equals(next));
    }

    @Test
    void pbxStoppedCleanlyEndsItsCallsAsAShutdown() throws Exception {
        CallId talking = talkingCall("01022220008");
        CallId waiting = waitingCall("01022220009");

        pbx.close();

        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(talking)).cause())
                .isEqualTo(EndCause.PBX_SHUTDOWN);
        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(waiting)).cause())
                .isEqualTo(EndCause.PBX_SHUTDOWN);
        await().atMost(PATIENCE).until(() -> endpoint.receivedOf(PbxConnectionLost.class).size() == 1);
    }

    @Test
    void aCustomerOnHoldWhenTheAdapterRestartsIsUnderItsControlAgain() throws Exception {
        CallId call = talkingCall("01022220010");
        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.hold(call);
        }
        awaitEvent(CallHeld.class, held -> held.call().equals(call));

        adapter.stop(); // the node went away; the PBX keeps the customer on hold and the agent waiting
        startAdapter();

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.retrieve(call);
            awaitEvent(CallRetrieved.class, retrieved -> retrieved.call().equals(call));
            pbxConnection.hangup(call);
        }
        assertThat(awaitEvent(CallEnded.class, ended -> ended.call().equals(call)).cause()).isEqualTo(EndCause.AGENT_HANGUP);
        await().atMost(PATIENCE).until(() -> pbx.channels().isEmpty());
    }
}
