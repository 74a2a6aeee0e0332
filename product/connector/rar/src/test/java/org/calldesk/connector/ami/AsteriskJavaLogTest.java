package org.calldesk.connector.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.calldesk.connector.ami.inbound.PbxActivationSpec;
import org.calldesk.connector.ami.outbound.PbxManagedConnectionFactory;
import org.calldesk.connector.api.CallEvent.CallAnswered;
import org.calldesk.connector.api.CallEvent.CallArrived;
import org.calldesk.connector.api.CallEvent.CallEnded;
import org.calldesk.connector.api.CallEvent.CallHeld;
import org.calldesk.connector.api.CallEvent.CallRetrieved;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * asterisk-java's own logging while the adapter works a call against a PBX that sends what the
 * documented {@code eventfilter} lets through (the simulator's default) and answers
 * {@code CoreStatus} as Asterisk 22 does: nothing at WARNING or above, so an operator's log
 * does not fill with a SEVERE per answered call.
 */
class AsteriskJavaLogTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Logger ASTERISK_JAVA = Logger.getLogger("org.asteriskjava");

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // asterisk-java says so whenever one of its connections logs off (a pooled session closing)
            boolean logoff = String.valueOf(record.getMessage()).contains("AsyncEventPump has exited");
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && !logoff) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ExecutorWorkManager workManager = new ExecutorWorkManager(4);
    private final RecordingEndpointFactory endpoint = new RecordingEndpointFactory("call-events");
    private PbxSimulator pbx;
    private PbxResourceAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        ASTERISK_JAVA.addHandler(recorder);
        pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "it-secret")
                .phoneBehaviour(Behaviour.answerAfter(50)).build().start();
        adapter = new PbxResourceAdapter();
        adapter.setAmiPort(pbx.amiPort());
        adapter.setAmiSecret("it-secret");
        adapter.endpointActivation(endpoint, new PbxActivationSpec());
        adapter.start(new FakeBootstrapContext(workManager));
        await().atMost(PATIENCE).until(adapter::pbxConnected);
    }

    @AfterEach
    void stop() throws InterruptedException {
        ASTERISK_JAVA.removeHandler(recorder);
        adapter.stop();
        pbx.close();
        workManager.close();
    }

    @Test
    void aCallAnsweredHeldRetrievedAndHungUpLogsNothingAtWarningOrAbove() throws Exception {
        PbxManagedConnectionFactory factory = new PbxManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        PbxConnectionFactory connections = (PbxConnectionFactory) factory.createConnectionFactory();
        pbx.inboundCall("01012340000", "15880001");
        CallId call = await().atMost(PATIENCE).until(() -> endpoint.receivedOf(CallArrived.class), l -> !l.isEmpty())
                .get(0).call();

        try (PbxConnection pbxConnection = connections.getConnection()) {
            pbxConnection.connect(call, new DeviceId("PJSIP/1001"), Duration.ofSeconds(10));
            await().atMost(PATIENCE).until(() -> endpoint.receivedOf(CallAnswered.class), l -> !l.isEmpty());
            pbxConnection.hold(call);
            await().atMost(PATIENCE).until(() -> endpoint.receivedOf(CallHeld.class), l -> !l.isEmpty());
            pbxConnection.retrieve(call);
            await().atMost(PATIENCE).until(() -> endpoint.receivedOf(CallRetrieved.class), l -> !l.isEmpty());
            pbxConnection.hangup(call);
        }
        await().atMost(PATIENCE).until(() -> endpoint.receivedOf(CallEnded.class), l -> !l.isEmpty());

        assertThat(logged).extracting(record -> record.getLevel() + " " + record.getLoggerName() + ": "
                + record.getMessage()).isEmpty();
    }
}
