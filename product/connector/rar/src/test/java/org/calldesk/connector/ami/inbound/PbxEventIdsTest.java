package org.calldesk.connector.ami.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.calldesk.connector.ami.ExecutorWorkManager;
import org.calldesk.connector.ami.FakeBootstrapContext;
import org.calldesk.connector.ami.PbxResourceAdapter;
import org.calldesk.connector.ami.RecordingEndpointFactory;
import org.calldesk.connector.api.CallEvent.CallArrived;
import org.calldesk.connector.api.CallEvent.CallEnded;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.EndCause;
import org.calldesk.pbxsim.ChannelInfo;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.Test;

/** Event ids that two application nodes connected to one PBX agree on, and none where the PBX gives no numbers. */
class PbxEventIdsTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final CallId CALL = new CallId("1767603600.7");

    @Test
    void idsNameThePbxProcessTheEventNumberAndTheKindOfCallEvent() {
        List<CallEvent> events = List.of(new CallEvent.CallHeld(CALL, AT), new CallEvent.CallEnded(CALL, EndCause.FAILED, AT),
                new CallEvent.CallHeld(CALL, AT));

        assertThat(PbxEventIds.of("asterisk@2026-01-05T08:59:00", 41, events)).containsExactly(
                "asterisk@2026-01-05T08:59:00#41#CallHeld", "asterisk@2026-01-05T08:59:00#41#CallEnded",
                "asterisk@2026-01-05T08:59:00#41#CallHeld~2");
        assertThat(PbxEventIds.of("p", -1, List.of(new CallEvent.CallHeld(CALL, AT))))
                .as("Asterisk's counter is an int that wraps; read as unsigned").containsExactly("p#4294967295#CallHeld");
    }

    @Test
    void noIdsWithoutTheSequenceNumberOrThePbxIdentity() {
        List<CallEvent> events = List.of(new CallEvent.CallHeld(CALL, AT));

        assertThat(PbxEventIds.of("p", null, events)).containsExactly((String) null);
        assertThat(PbxEventIds.of(null, 7, events)).containsExactly((String) null);
        assertThat(PbxEventIds.pbxIdentity("2026-01-05", " ")).isNull();
        assertThat(PbxEventIds.pbxIdentity("2026-01-05", "08:59:00")).isEqualTo("asterisk@2026-01-05T08:59:00");
    }

    @Test
    void twoAdaptersOnOnePbxGiveEachReportTheSameIdAndTellReportsApart() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).build().start();
             ExecutorWorkManager workManager = new ExecutorWorkManager(4)) {
            RecordingEndpointFactory first = new RecordingEndpointFactory("node-a");
            RecordingEndpointFactory second = new RecordingEndpointFactory("node-b");
            PbxResourceAdapter a = started(pbx, first, workManager);
            PbxResourceAdapter b = started(pbx, second, workManager);
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> a.pbxConnected() && b.pbxConnected());
                ChannelInfo one = pbx.inboundCall("01012345678", "15880001");
                ChannelInfo two = pbx.inboundCall("01099998888", "15880001");
                pbx.hangupCall(one.callId());

                await().atMost(Duration.ofSeconds(15)).until(() -> second.receivedOf(CallArrived.class).size() == 2
                        && first.receivedOf(CallEnded.class).size() == 1 && second.receivedOf(CallEnded.class).size() == 1);
                assertThat(first.idsOf(CallArrived.class)).hasSize(2).doesNotHaveDuplicates()
                        .allMatch(id -> id.matches("asterisk@.+#\\d+#CallArrived"))
                        .containsExactlyInAnyOrderElementsOf(second.idsOf(CallArrived.class));
                assertThat(first.idsOf(CallEnded.class)).isEqualTo(second.idsOf(CallEnded.class))
                        .doesNotContainAnyElementsOf(first.idsOf(CallArrived.class));
                assertThat(two.callId()).isNotEqualTo(one.callId());
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    @Test
    void aPbxThatDoesNotNumberItsEventsGivesNoIds() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.builder().amiPort(0).httpPort(-1).managerDebug(false).build().start();
             ExecutorWorkManager workManager = new ExecutorWorkManager(2)) {
            RecordingEndpointFactory endpoint = new RecordingEndpointFactory("node");
            PbxResourceAdapter adapter = started(pbx, endpoint, workManager);
            try {
                await().atMost(Duration.ofSeconds(15)).until(adapter::pbxConnected);
                pbx.inboundCall("01012345678", "15880001");

                await().atMost(Duration.ofSeconds(15)).until(() -> endpoint.receivedOf(CallArrived.class).size() == 1);
                assertThat(endpoint.idsOf(CallArrived.class)).containsExactly("-");
            } finally {
                adapter.stop();
            }
        }
    }

    private static PbxResourceAdapter started(PbxSimulator pbx, RecordingEndpointFactory endpoint,
                                              ExecutorWorkManager workManager) throws Exception {
        PbxResourceAdapter adapter = new PbxResourceAdapter();
        adapter.setAmiPort(pbx.amiPort());
        adapter.setReconnectInitialDelayMillis(50);
        adapter.setActionTimeoutMillis(3000);
        adapter.endpointActivation(endpoint, new PbxActivationSpec());
        adapter.start(new FakeBootstrapContext(workManager));
        return adapter;
    }
}
