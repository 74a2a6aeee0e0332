package org.calldesk.connector.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.calldesk.connector.ami.inbound.AmiEventSession;
import org.calldesk.connector.ami.inbound.PbxActivationSpec;
import org.calldesk.connector.ami.outbound.PbxManagedConnectionFactory;
import org.calldesk.connector.api.CallEvent.CallArrived;
import org.calldesk.connector.api.CallEvent.CallEnded;
import org.calldesk.connector.api.CallEvent.PbxConnectionLost;
import org.calldesk.connector.api.CallEvent.PbxConnectionRestored;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.EndCause;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.pbxsim.ChannelInfo;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter as a server runs it (start, endpoint activation, stop), against the PBX simulator
 * over real TCP, with an executor-backed WorkManager standing in for the container's.
 */
class ResourceAdapterLifecycleTest {

    private static final String SECRET = "lifecycle-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ExecutorWorkManager workManager = new ExecutorWorkManager(4);
    private final RecordingEndpointFactory callEvents = new RecordingEndpointFactory("call-events");
    private final RecordingEndpointFactory audit = new RecordingEndpointFactory("audit");
    private PbxSimulator pbx;
    private PbxResourceAdapter adapter;

    @BeforeEach
    void pbxAndAdapter() {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", SECRET)
                .authFailureDelay(Duration.ZERO).build().start();
        adapter = adapterFor(pbx.amiPort(), SECRET);
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        adapter.stop();
        pbx.close();
        workManager.close();
    }

    private static PbxResourceAdapter adapterFor(int port, String secret) {
        PbxResourceAdapter adapter = new PbxResourceAdapter();
        adapter.setAmiPort(port);
        adapter.setAmiSecret(secret);
        adapter.setReconnectInitialDelayMillis(50);
        adapter.setReconnectMaxDelayMillis(400);
        adapter.setActionTimeoutMillis(3000);
        return adapter;
    }

    private void startWithEndpoints() throws Exception {
        adapter.endpointActivation(callEvents, new PbxActivationSpec());
        adapter.endpointActivation(audit, new PbxActivationSpec());
        adapter.start(new FakeBootstrapContext(workManager));
    }

    @Test
    void inboundCallReachesEveryEndpointOnWorkManagerThreads() throws Exception {
        startWithEndpoints();
        await().atMost(PATIENCE).until(adapter::pbxConnected);

        ChannelInfo customer = pbx.inboundCall("01012345678", "15880001");

        CallId call = new CallId(customer.callId());
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(callEvents.receivedOf(CallArrived.class)).singleElement()
                    .satisfies(arrived -> {
                        assertThat(arrived.call()).isEqualTo(call);
                        assertThat(arrived.callerNumber()).isEqualTo("01012345678");
                        assertThat(arrived.dialledNumber()).isEqualTo("15880001");
                    });
            assertThat(audit.receivedOf(CallArrived.class)).hasSize(1);
        });
        assertThat(callEvents.deliveryThreads).allMatch(thread -> thread.startsWith("test-work-"));
    }

    @Test
    void theConnectionFactorySaysWhetherTheEventSessionIsLoggedIn() throws Exception {
        try (AmiLinkCutter link = new AmiLinkCutter(pbx.amiPort())) {
            adapter = adapterFor(link.port(), SECRET);
            PbxManagedConnectionFactory managed = new PbxManagedConnectionFactory();
            managed.setResourceAdapter(adapter);
            PbxConnectionFactory factory = (PbxConnectionFactory) managed.createConnectionFactory();
            assertThat(factory.eventLink().up()).isFalse();
            startWithEndpoints();
            await().atMost(PATIENCE).until(() -> factory.eventLink().up());

            link.cut();

            await().atMost(PATIENCE).untilAsserted(() -> {
                PbxEventLink events = factory.eventLink();
                assertThat(events.up()).isFalse();
                assertThat(events.detail()).startsWith("no event session with the PBX: ");
            });
            link.restore();
            await().atMost(PATIENCE).until(() -> factory.eventLink().up());
        }
    }

    @Test
    void customerHangingUpEndsTheCall() throws Exception {
        startWithEndpoints();
        await().atMost(PATIENCE).until(adapter::pbxConnected);
        ChannelInfo customer = pbx.inboundCall("01012345678", "15880001");
        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(CallArrived.class).size() == 1);

        pbx.hangupCall(customer.callId());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(callEvents.receivedOf(CallEnded.class))
                .extracting(CallEnded::call, CallEnded::cause)
                .containsExactly(tuple(new CallId(customer.callId()), EndCause.CUSTOMER_HANGUP)));
    }

    @Test
    void pbxRestartIsReportedLostThenRestoredAndTheCallThatDiedEnds() throws Exception {
        startWithEndpoints();
        await().atMost(PATIENCE).until(adapter::pbxConnected);
        ChannelInfo customer = pbx.inboundCall("01012345678", "15880001");
        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(CallArrived.class).size() == 1);

        pbx.kill();
        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(PbxConnectionLost.class).size() == 1);
        pbx.start();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(callEvents.receivedOf(PbxConnectionRestored.class)).hasSize(1);
            assertThat(callEvents.receivedOf(CallEnded.class)).extracting(CallEnded::call, CallEnded::cause)
                    .containsExactly(tuple(new CallId(customer.callId()), EndCause.FAILED));
        });
        ChannelInfo next = pbx.inboundCall("01099998888", "15880002");
        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(CallArrived.class).stream()
                .anyMatch(arrived -> arrived.call().value().equals(next.callId())));
    }

    @Test
    void serverStartsWhileThePbxIsDownAndTheAdapterConnectsWhenItComesUp() throws Exception {
        pbx.close();

        startWithEndpoints();

        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(PbxConnectionLost.class).size() == 1);
        assertThat(adapter.pbxConnected()).isFalse();
        pbx.start();
        await().atMost(PATIENCE).until(adapter::pbxConnected);
        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(PbxConnectionRestored.class).size() == 1);
        pbx.inboundCall("01012345678", "15880001");
        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(CallArrived.class).size() == 1);
    }

    @Test
    void refusedCredentialsAreLoggedOnceWithoutTheSecretWhileRetrying() throws Exception {
        String wrongSecret = "not-the-" + SECRET;
        adapter = adapterFor(pbx.amiPort(), wrongSecret);
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sessionLog = Logger.getLogger(AmiEventSession.class.getName());
        Level previousLevel = sessionLog.getLevel();
        sessionLog.setLevel(Level.FINE);
        capture.setLevel(Level.ALL);
        sessionLog.addHandler(capture);
        try {
            startWithEndpoints();

            await().atMost(PATIENCE).until(() -> records.stream().filter(r -> r.getLevel() == Level.FINE).count() >= 3);
            List<LogRecord> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
            assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.getMessage())
                    .contains("amiUsername and amiSecret").contains("calldesk.ami.secret"));
            assertThat(records).noneMatch(r -> r.getMessage().contains(wrongSecret));
            assertThat(callEvents.receivedOf(PbxConnectionLost.class)).singleElement()
                    .satisfies(lost -> assertThat(lost.reason()).doesNotContain(wrongSecret));
        } finally {
            sessionLog.removeHandler(capture);
            sessionLog.setLevel(previousLevel);
        }
    }

    /**
     * asterisk-java's event pump thread may outlive its reader by up to a minute (it re-checks its
     * stop flag only when its queue poll times out), so the reader and reconnect threads are what
     * must be gone.
     */
    @Test
    void stopLogsOffAndEndsAsteriskJavasReaderAndReconnectThreads() throws Exception {
        startWithEndpoints();
        await().atMost(PATIENCE).until(adapter::pbxConnected);

        adapter.stop();

        await().atMost(PATIENCE).until(() -> pbx.amiConnections() == 0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("Asterisk-Java") && !name.endsWith(":AsyncEventPump")))
                .isEmpty());
        assertThat(adapter.pbxConnected()).isFalse();
    }

    @Test
    void deactivatedEndpointReceivesNoMoreEvents() throws Exception {
        PbxActivationSpec auditSpec = new PbxActivationSpec();
        adapter.endpointActivation(callEvents, new PbxActivationSpec());
        adapter.endpointActivation(audit, auditSpec);
        adapter.start(new FakeBootstrapContext(workManager));
        await().atMost(PATIENCE).until(adapter::pbxConnected);

        adapter.endpointDeactivation(audit, auditSpec);
        pbx.inboundCall("01012345678", "15880001");

        await().atMost(PATIENCE).until(() -> callEvents.receivedOf(CallArrived.class).size() == 1);
        assertThat(audit.received).noneMatch(CallEvent.CallArrived.class::isInstance);
    }
}
