package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.calldesk.connector.ami.CallDeskWaitingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator driven by asterisk-java 3.42.2, the AMI client the product's resource adapter uses. */
class AsteriskJavaClientTest {

    private PbxSimulator pbx;
    private ManagerConnection connection;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    private void startPbx(String permissions) {
        PbxSimulator.Builder builder = PbxSimulator.builder().amiPort(0).httpPort(-1).credentials("calldesk", "s3cret")
                .authFailureDelay(Duration.ofMillis(100))
                .eventFilter(java.util.List.of()); // every event the permissions allow
        if (permissions != null) {
            builder.permissions(permissions, permissions);
        }
        pbx = builder.build().start();
    }

    private ManagerConnection connect(String secret) {
        connection = new ManagerConnectionFactory("127.0.0.1", pbx.amiPort(), "calldesk", secret).createManagerConnection();
        connection.registerUserEventClass(CallDeskWaitingEvent.class);
        connection.addEventListener(events::add);
        return connection;
    }

    @AfterEach
    void stop() {
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
        pbx.close();
    }

    /*
     * After Login, asterisk-java asks CoreSettings and "core show version" (Command) and reads
     * the PBX's version from the answers; an AMI server that left them unanswered would make it
     * wait out its response timeouts and fall back to guessing. That it reports Asterisk 18 is the
     * proof the simulator answered both, with no clock in the test.
     */

    @Test
    void logsInAndSeesAsterisk18FromItsAnswers() throws Exception {
        startPbx(null);
        connect("s3cret");
        connection.login();
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
        assertThat(connection.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_18);
        assertThat(connection.getProtocolIdentifier()).isEqualTo("Asterisk Call Manager/7.0.3");
    }

    @Test
    void logsInAndSeesAsterisk18WhenTheUserMayRunCommands() throws Exception {
        startPbx("all");
        connect("s3cret");
        connection.login();
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
        assertThat(connection.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_18);
    }

    @Test
    void refusesAWrongSecret() {
        startPbx(null);
        connect("wrong");
        assertThatThrownBy(() -> connection.login()).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Authentication failed");
        assertThat(connection.getState()).isNotEqualTo(ManagerConnectionState.CONNECTED);
    }

    @Test
    void answersPing() throws Exception {
        startPbx(null);
        connect("s3cret").login();
        ManagerResponse response = connection.sendAction(new PingAction());
        assertThat(response).isInstanceOf(PingResponse.class);
        assertThat(response.getResponse()).isEqualTo("Success");
        assertThat(((PingResponse) response).getPing()).isEqualTo("Pong");
    }

    @Test
    void logsOff() throws Exception {
        startPbx(null);
        connect("s3cret").login();
        connection.logoff();
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.DISCONNECTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.amiConnections() == 0);
    }

    @Test
    void deliversTheEventsOfAnInboundCallWithTypedFields() throws Exception {
        startPbx(null);
        connect("s3cret").login();
        ChannelInfo call = pbx.inboundCall("01012345678", "15880001");

        NewChannelEvent newChannel = awaitEvent(NewChannelEvent.class);
        assertThat(newChannel.getChannel()).isEqualTo(call.name()).startsWith("PJSIP/trunk-");
        assertThat(newChannel.getChannelState()).isEqualTo(4);
        assertThat(newChannel.getChannelStateDesc()).isEqualTo("Ring");
        assertThat(newChannel.getCallerIdNum()).isEqualTo("01012345678");
        assertThat(newChannel.getContext()).isEqualTo("calldesk-inbound");
        assertThat(newChannel.getExten()).isEqualTo("15880001");
        assertThat(newChannel.getPriority()).isEqualTo(1);
        assertThat(newChannel.getUniqueId()).isEqualTo(call.uniqueid()).matches("\\d+\\.\\d+");
        assertThat(newChannel.getLinkedid()).isEqualTo(call.uniqueid());

        NewStateEvent up = awaitEvent(NewStateEvent.class);
        assertThat(up.getChannelState()).isEqualTo(6);
        assertThat(up.getChannelStateDesc()).isEqualTo("Up");

        CallDeskWaitingEvent waiting = awaitEvent(CallDeskWaitingEvent.class);
        assertThat(waiting.getService()).isEqualTo("15880001");
        assertThat(waiting.getChannel()).isEqualTo(call.name());

        MusicOnHoldStartEvent music = awaitEvent(MusicOnHoldStartEvent.class);
        assertThat(music.getClassName()).isEqualTo("default");
        assertThat(music.getChannel()).isEqualTo(call.name());

        assertThat(events).noneMatch(e -> e instanceof NewExtenEvent);
    }

    @Test
    void reportsTheCustomerHangingUpWhileWaiting() throws Exception {
        startPbx(null);
        connect("s3cret").login();
        ChannelInfo call = pbx.inboundCall("01012345678", "15880001");
        awaitEvent(MusicOnHoldStartEvent.class);

        assertThat(pbx.hangupCall(call.callId())).isTrue();

        HangupEvent hangup = awaitEvent(HangupEvent.class);
        assertThat(hangup.getChannel()).isEqualTo(call.name());
        assertThat(hangup.getCause()).isEqualTo(16);
        assertThat(hangup.getCauseTxt()).isEqualTo("Normal Clearing");
        assertThat(events).anyMatch(e -> e instanceof MusicOnHoldStopEvent);
        assertThat(pbx.calls()).isEmpty();
    }

    @Test
    void deliversNewextenToAUserThatMayReadDialplanEvents() throws Exception {
        startPbx("all");
        connect("s3cret").login();
        pbx.inboundCall("01012345678", "15880001");

        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream()
                .filter(NewExtenEvent.class::isInstance).count() == 4);
        List<NewExtenEvent> extens = events.stream().filter(NewExtenEvent.class::isInstance)
                .map(NewExtenEvent.class::cast).toList();
        assertThat(extens).extracting(NewExtenEvent::getApplication)
                .containsExactly("NoOp", "Answer", "UserEvent", "MusicOnHold");
        assertThat(extens.get(0).getAppData()).isEqualTo("CallDesk call for service number 15880001");
        assertThat(extens.get(2).getAppData()).isEqualTo("CallDeskWaiting,Service: 15880001");
        assertThat(extens.get(0).getExtension()).isEqualTo("15880001");
    }

    private <T extends ManagerEvent> T awaitEvent(Class<T> type) {
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(type::isInstance));
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
