package org.calldesk.itcluster;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.launcher.StandaloneBroker;

/**
 * The broker the nodes share, in a process of its own ({@link StandaloneBroker}), and what the
 * test learns from it through Artemis management: a copy of every message the PBX events queue
 * accepted (a non-exclusive divert, which sees only what passed duplicate detection) and the
 * subscriptions of the events topic.
 */
final class BrokerProcess implements AutoCloseable {

    static final String AUDIT_QUEUE = "PbxEventAudit";

    /** A message the PBX events queue accepted: its duplicate-detection id (null: none) and body. */
    record Accepted(String id, String body) {
    }

    final int port;
    private final Path dataDir;
    private volatile Process process;
    private final ActiveMQConnectionFactory factory;
    private Connection audit;
    final List<Accepted> accepted = new CopyOnWriteArrayList<>();

    private BrokerProcess(int port, Path dataDir, Process process) {
        this.port = port;
        this.dataDir = dataDir;
        this.process = process;
        this.factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
    }

    static BrokerProcess start(int port, Path dataDir) throws IOException {
        return new BrokerProcess(port, dataDir, launch(port, dataDir));
    }

    private static Process launch(int port, Path dataDir) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), StandaloneBroker.class.getName(),
                "--port", Integer.toString(port), "--data", dataDir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolveSibling("broker.log").toFile())).start();
    }

    /** The way a crash ends the broker: {@code kill -9}, its journal left as it was. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** A new broker process on the same port and journal, after {@link #kill}. */
    void startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker still runs");
        }
        process = launch(port, dataDir);
    }

    boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the broker process ended with " + process.exitValue() + "; see broker.log");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** From now on, a copy of each message the PBX events queue takes lands in {@link #accepted}. */
    void auditPbxEvents() throws JMSException {
        audit = factory.createConnection();
        Session session = audit.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(AUDIT_QUEUE)).setMessageListener(message -> {
            try {
                accepted.add(new Accepted(message.getStringProperty("_AMQ_DUPL_ID"), ((TextMessage) message).getText()));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        audit.start();
        invoke(ResourceNames.BROKER, "createDivert", "pbx-event-audit", "pbx-event-audit", EmbeddedBroker.PBX_EVENT_QUEUE,
                AUDIT_QUEUE, false, null, null);
    }

    /** The names of the queues that subscribe to the events topic (one per node's console push). */
    List<String> eventTopicSubscriptions() throws JMSException {
        Object names = attribute(ResourceNames.ADDRESS + EmbeddedBroker.EVENT_TOPIC, "queueNames");
        return List.of((Object[]) names).stream().map(String::valueOf).toList();
    }

    private Object attribute(String resource, String attribute) throws JMSException {
        return request(message -> JMSManagementHelper.putAttribute(message, resource, attribute));
    }

    private Object invoke(String resource, String operation, Object... parameters) throws JMSException {
        return request(message -> JMSManagementHelper.putOperationInvocation(message, resource, operation, parameters));
    }

    private interface Filler {
        void fill(Message message) throws Exception;
    }

    private Object request(Filler filler) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer consumer = session.createConsumer(replies);
            Message request = session.createMessage();
            filler.fill(request);
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue("activemq.management")).send(request);
            Message reply = consumer.receive(15_000);
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("the broker refused a management request: "
                        + (reply == null ? "no answer" : JMSManagementHelper.getResult(reply)));
            }
            return JMSManagementHelper.getResult(reply);
        } catch (JMSException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (audit != null) {
            audit.close();
        }
        factory.close();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
