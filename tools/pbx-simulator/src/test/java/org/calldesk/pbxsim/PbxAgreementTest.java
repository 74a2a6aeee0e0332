package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.calldesk.pbxsim.PbxAgreement.AppAgent;
import org.calldesk.pbxsim.PbxAgreement.AppCall;
import org.calldesk.pbxsim.PbxAgreement.AppView;
import org.junit.jupiter.api.Test;

class PbxAgreementTest {

    private static final String CALL = "1733000000.1";
    private static final String AGENT_LEG = "calldesk-a-0b7e4a8e-6f1f-4d0e-9d55-1b2c3d4e5f60-" + CALL;
    private static final String CONSULT_LEG = "calldesk-c-1b7e4a8e-6f1f-4d0e-9d55-1b2c3d4e5f60-" + CALL;

    private final PbxAgreement agreement = new PbxAgreement();

    private static ChannelInfo customer(String context, String bridge) {
        return new ChannelInfo("PJSIP/trunk-00000001", CALL, CALL, "PJSIP/trunk", "Up", "0101", "", "", context, "s",
                1, "", bridge);
    }

    private static ChannelInfo leg(String uniqueid, String device, String context, String bridge) {
        return new ChannelInfo(device + "-00000002", uniqueid, uniqueid, device, "Up", "", "", "", context, "s", 1, "",
                bridge);
    }

    private static AppView app(String callStatus, String agentStatus, String consultAgent, String consultStatus) {
        List<AppAgent> agents = new java.util.ArrayList<>(List.of(
                new AppAgent("agent1", "PJSIP/1001", agentStatus, "ENDED".equals(callStatus) && "READY".equals(agentStatus)
                        ? null : "c1")));
        agents.add(new AppAgent("agent2", "PJSIP/1002", consultStatus, consultAgent == null ? null : "c1"));
        return new AppView(agents, List.of(new AppCall("c1", CALL, callStatus, "agent1", consultAgent)));
    }

    @Test
    void aTalkingCallTheApplicationKnowsAgrees() {
        List<ChannelInfo> channels = List.of(customer("calldesk-inbound", "b1"),
                leg(AGENT_LEG, "PJSIP/1001", "calldesk-connect", "b1"));

        assertThat(agreement.disagreements(channels, app("TALKING", "TALKING", null, "READY"))).isEmpty();
    }

    @Test
    void anAgentLegLeftInTheWaitContextAfterTheCallEndedDisagrees() {
        List<ChannelInfo> channels = List.of(leg(AGENT_LEG, "PJSIP/1001", "calldesk-agent-wait", ""));

        assertThat(agreement.disagreements(channels, app("ENDED", "AFTER_CALL", null, "READY")))
                .singleElement().asString().contains("agent1's phone").contains("AFTER_CALL");
    }

    @Test
    void twoAgentsStillBridgedAfterTheCallEndedDisagree() {
        List<ChannelInfo> channels = List.of(leg(AGENT_LEG, "PJSIP/1001", "calldesk-agent-wait", "b2"),
                leg(CONSULT_LEG, "PJSIP/1002", "calldesk-connect", "b2"));

        assertThat(agreement.disagreements(channels, app("ENDED", "AFTER_CALL", null, "READY")))
                .anyMatch(problem -> problem.contains("agent2's phone"))
                .anyMatch(problem -> problem.startsWith("bridge b2"));
    }

    @Test
    void aCallerWaitingWithoutAWaitingCallDisagrees() {
        List<ChannelInfo> channels = List.of(customer("calldesk-inbound", ""));

        assertThat(agreement.disagreements(channels, new AppView(List.of(), List.of())))
                .singleElement().asString().startsWith("caller PJSIP/trunk-00000001");
        assertThat(agreement.disagreements(channels, app("WAITING", "READY", null, "READY"))).isEmpty();
    }

    @Test
    void aTalkingCallWithoutItsAgentLegOnThePbxDisagrees() {
        // issue 12, case 3: the application says Talking, the PBX has the caller alone on music
        List<ChannelInfo> channels = List.of(customer("calldesk-inbound", ""));

        assertThat(agreement.disagreements(channels, app("TALKING", "TALKING", null, "READY")))
                .singleElement().asString().contains("waits");
    }

    @Test
    void anOpenCallWithoutAnyChannelDisagrees() {
        assertThat(agreement.disagreements(List.of(), app("HOLDING", "HOLDING", null, "READY")))
                .singleElement().asString().contains("has no channel");
    }

    @Test
    void awaitNamesWhatStillDisagreesWhenTimeIsUp() {
        assertThatThrownBy(() -> agreement.await(List::of, () -> app("TALKING", "TALKING", null, "READY"),
                Duration.ofMillis(300))).isInstanceOf(AssertionError.class).hasMessageContaining("has no channel");
    }

    @Test
    void theSimulatorsChannelsAreReadOverItsControlApi() throws Exception {
        try (PbxSimulator pbx = PbxSimulator.builder().amiPort(0).httpPort(0).build().start()) {
            ChannelInfo caller = pbx.inboundCall("01012345678", "15880001");

            List<ChannelInfo> channels = PbxAgreement.channelsOver(URI.create("http://127.0.0.1:" + pbx.httpPort()))
                    .get();

            assertThat(channels).singleElement().satisfies(channel -> {
                assertThat(channel.uniqueid()).isEqualTo(caller.uniqueid());
                assertThat(channel.context()).isEqualTo(caller.context());
                assertThat(channel.device()).isEqualTo(caller.device());
            });
        }
    }
}
