package org.calldesk.infrastructure.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.calldesk.application.pbx.ChannelOnPbx;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.pbx.PhoneState;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;
import org.junit.jupiter.api.Test;

class ConnectorPbxGatewayTest {

    private final AtomicInteger closed = new AtomicInteger();
    private final ConnectorPbxGateway gateway = new ConnectorPbxGateway();

    /** A connector whose connections answer {@code answer} to every request, or throw it if it is a PbxException. */
    private void connector(Object answer) {
        PbxConnection connection = (PbxConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PbxConnection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.incrementAndGet();
                        return null;
                    }
                    if (answer instanceof PbxException failure) {
                        throw failure;
                    }
                    return answer;
                });
        gateway.connectionFactory = (PbxConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PbxConnectionFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection;
                    case "eventLink" -> new PbxEventLink(true, "logged in to pbx:5038", 2);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aRefusalOfThePbxComesBackAsTheApplicationsAndTheConnectionIsGivenBack() {
        connector(new PbxException.UnknownCall(new CallId("1.1")));

        assertThatThrownBy(() -> gateway.hold("1.1"))
                .isInstanceOfSatisfying(PbxRefusal.class, refusal -> {
                    assertThat(refusal.reason()).isEqualTo(PbxRefusal.Reason.UNKNOWN_CALL);
                    assertThat(refusal.getMessage()).isEqualTo("the PBX has no call 1.1 (it may have ended)");
                });
        assertThat(closed).hasValue(1);
    }

    @Test
    void noConnectionToThePbxIsARefusalToo() {
        connector(null);
        gateway.connectionFactory = (PbxConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PbxConnectionFactory.class}, (proxy, method, args) -> {
                    throw new PbxException.PbxUnreachable("connection refused", null);
                });

        assertThatThrownBy(() -> gateway.connect("1.1", "PJSIP/1001", Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(PbxRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(PbxRefusal.Reason.PBX_UNREACHABLE));
    }

    @Test
    void whatThePbxAnswersIsTranslated() throws PbxRefusal {
        connector(new CallId("out.1"));
        assertThat(gateway.originate("PJSIP/1001", "0101234", "15880001", Duration.ofSeconds(30))).isEqualTo("out.1");

        connector(DeviceState.NOT_IN_USE);
        assertThat(gateway.deviceState("PJSIP/1001")).isEqualTo(PhoneState.NOT_IN_USE);

        connector(List.of(new PbxChannel("PJSIP/1001-1", new CallId("in.1"), PbxChannel.Part.AGENT_LEG,
                Optional.of(new DeviceId("PJSIP/1001")), "", "", Duration.ofSeconds(3), Optional.empty())));
        assertThat(gateway.channels()).containsExactly(new ChannelOnPbx("PJSIP/1001-1", new PbxCallId("in.1"),
                ChannelOnPbx.Part.AGENT_LEG, Optional.of("PJSIP/1001"), "", "", Duration.ofSeconds(3), Optional.empty()));

        assertThat(gateway.eventLink().waiting()).isEqualTo(2);
        assertThat(closed).hasValue(3);
    }
}
