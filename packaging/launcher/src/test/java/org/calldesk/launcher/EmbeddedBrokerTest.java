package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.TemporaryQueue;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.calldesk.launcher.EmbeddedBroker.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    private static final Credentials APPLICATION = new Credentials("calldesk-app", "app-secret");
    private static final Credentials INTEGRATION = new Credentials("crm", "crm-secret");

    @TempDir
    Path data;

    @Test
    void onLoopbackAnyLocalClientConnectsWithTheCoreProtocolOrAmqp() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(data, "127.0.0.1", freePort());
             var cf = new ActiveMQConnectionFactory(broker.url());
             JMSContext jms = cf.createContext()) {
            JMSConsumer events = jms.createConsumer(jms.createTopic(EmbeddedBroker.EVENT_TOPIC));
            jms.createProducer().send(jms.createTopic(EmbeddedBroker.EVENT_TOPIC), "{}");
            assertThat(events.receiveBody(String.class, 5000)).isEqualTo("{}");

            assertThat(amqpHeaderAnswer(broker.port())).as("AMQP 1.0 protocol header answered on the same port")
                    .startsWith("AMQP");
            assertThat(plainAmqpAnswer(broker.port())).as("AMQP without SASL, anonymously, on loopback")
                    .containsExactly('A', 'M', 'Q', 'P', 0, 1, 0, 0);
        }
    }

    @Test
    void offLoopbackTheBrokerDoesNotStartWithoutCredentials() {
        assertThatThrownBy(() -> EmbeddedBroker.start(data, "0.0.0.0", freePort()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--broker-user");
        assertThatThrownBy(() -> EmbeddedBroker.start(data, "0.0.0.0", freePort(), APPLICATION, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EmbeddedBroker.requiresCredentials("127.0.0.1")).isFalse();
        assertThat(EmbeddedBroker.requiresCredentials("localhost")).isFalse();
        assertThat(EmbeddedBroker.requiresCredentials("0.0.0.0")).isTrue();
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertThat(INTEGRATION.toString()).doesNotContain("crm-secret").contains("crm");
    }

    @Test
    void offLoopbackAnonymousClientsAreRefusedAndTheIntegrationUserMayOnlyWhatIntegrationsNeed() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(data, "0.0.0.0", freePort(), APPLICATION, INTEGRATION);
             var cf = new ActiveMQConnectionFactory(broker.url())) {
            assertThat(broker.url()).startsWith("tcp://127.0.0.1:");
            assertThatThrownBy(() -> cf.createContext().close()).as("anonymous")
                    .isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> cf.createContext("crm", "wrong").close()).as("wrong password")
                    .isInstanceOf(JMSSecurityRuntimeException.class);
            assertThat(plainAmqpAnswer(broker.port())).as("AMQP without SASL is not let in off loopback")
                    .isNotEqualTo(new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0});

            try (JMSContext app = cf.createContext(APPLICATION.user(), APPLICATION.password());
                 JMSContext crm = cf.createContext(INTEGRATION.user(), INTEGRATION.password())) {
                crm.setClientID("crm-test");
                JMSConsumer events = crm.createSharedDurableConsumer(crm.createTopic(EmbeddedBroker.EVENT_TOPIC), "events");
                app.createProducer().send(app.createTopic(EmbeddedBroker.EVENT_TOPIC), "{\"type\":\"call.waiting\"}");
                assertThat(events.receiveBody(String.class, 5000)).isEqualTo("{\"type\":\"call.waiting\"}");

                // a command with a temporary reply queue; the application answers there
                TemporaryQueue replies = crm.createTemporaryQueue();
                var command = crm.createTextMessage("{\"command\":\"dial\"}");
                command.setJMSReplyTo(replies);
                crm.createProducer().send(crm.createQueue(EmbeddedBroker.COMMAND_QUEUE), command);
                var received = app.createConsumer(app.createQueue(EmbeddedBroker.COMMAND_QUEUE)).receive(5000);
                assertThat(received).isNotNull();
                app.createProducer().send(received.getJMSReplyTo(), "{\"status\":\"ok\"}");
                assertThat(crm.createConsumer(replies).receiveBody(String.class, 5000)).isEqualTo("{\"status\":\"ok\"}");

                assertThatThrownBy(() -> crm.createProducer().send(crm.createQueue(EmbeddedBroker.PBX_EVENT_QUEUE), "x"))
                        .as("integration sending to the PBX events queue").isInstanceOf(JMSSecurityRuntimeException.class);
                assertThatThrownBy(() -> crm.createConsumer(crm.createQueue(EmbeddedBroker.COMMAND_QUEUE)))
                        .as("integration taking commands off the queue").isInstanceOf(JMSSecurityRuntimeException.class);
                assertThatThrownBy(() -> crm.createProducer().send(crm.createTopic(EmbeddedBroker.EVENT_TOPIC), "{}"))
                        .as("integration publishing events").isInstanceOf(JMSSecurityRuntimeException.class);
            }
        }
    }

    /** The broker's answer to the AMQP 1.0 (SASL) protocol header, as text. */
    private static String amqpHeaderAnswer(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {'A', 'M', 'Q', 'P', 3, 1, 0, 0});
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(8);
            assertThat(Arrays.copyOfRange(header, 4, 8)).as("SASL layer, AMQP 1.0.0").containsExactly(3, 1, 0, 0);
            return new String(header, 0, 4, StandardCharsets.US_ASCII);
        }
    }

    /** What the broker answers to a plain AMQP 1.0 header (no SASL layer): up to 8 bytes. */
    private static byte[] plainAmqpAnswer(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0});
            socket.getOutputStream().flush();
            return socket.getInputStream().readNBytes(8);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
