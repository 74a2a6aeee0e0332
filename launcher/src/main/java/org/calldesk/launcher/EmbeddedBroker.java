package org.calldesk.launcher;

import java.nio.file.Path;
import java.util.Objects;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker on a loopback TCP port with a persistent journal: the embedded
 * run's message broker and the one the integration tests use. The application reaches it through
 * the Artemis resource adapter exactly as it would reach a broker of its own process.
 *
 * <p>The PBX events queue is configured so that no event is ever dropped: failed deliveries are
 * retried with a growing delay, without limit.
 *
 * <p>External systems connect to the same port with the Artemis core protocol: they follow the
 * events topic, with durable subscriptions if they like, and send commands to
 * {@value #COMMAND_QUEUE}. A command the application cannot process
 * after a few attempts goes to {@value #COMMAND_DEAD_LETTER_QUEUE} (the application puts
 * malformed ones there itself, with the reason).
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String PBX_EVENT_QUEUE = "PbxEventQueue";
    public static final String EVENT_TOPIC = "ContactCenterEventTopic";
    public static final String DEAD_LETTER_QUEUE = "DLQ";
    public static final String COMMAND_QUEUE = "IntegrationCommandQueue";
    public static final String COMMAND_REPLY_QUEUE = "IntegrationCommandReplyQueue";
    public static final String COMMAND_DEAD_LETTER_QUEUE = "IntegrationCommandDLQ";

    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger ARTEMIS_LOG = java.util.logging.Logger.getLogger("org.apache.activemq");

    private final EmbeddedActiveMQ server;
    private final String host;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    public static EmbeddedBroker start(Path dataDir, String host, int port) throws Exception {
        Objects.requireNonNull(dataDir, "dataDir is required");
        ARTEMIS_LOG.setLevel(java.util.logging.Level.WARNING);
        Configuration config = new ConfigurationImpl()
                .setName("calldesk")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setNodeManagerLockDirectory(dataDir.toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("calldesk", "tcp://" + host + ":" + port + "?protocols=CORE");
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setExpiryAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setMaxDeliveryAttempts(10)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        config.addAddressSetting(PBX_EVENT_QUEUE, new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(200)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000));
        config.addQueueConfiguration(QueueConfiguration.of(PBX_EVENT_QUEUE)
                .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        config.addAddressSetting(COMMAND_QUEUE, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(COMMAND_DEAD_LETTER_QUEUE))
                .setMaxDeliveryAttempts(5)
                .setRedeliveryDelay(500));
        for (String queue : new String[] {COMMAND_QUEUE, COMMAND_REPLY_QUEUE, COMMAND_DEAD_LETTER_QUEUE}) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
        config.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_QUEUE)
                .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(EVENT_TOPIC).addRoutingType(RoutingType.MULTICAST));

        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        var acceptor = server.getActiveMQServer().getRemotingService().getAcceptor("calldesk");
        if (acceptor == null || !acceptor.isStarted()) {
            server.stop();
            throw new IllegalStateException("the message broker cannot listen on " + host + ":" + port
                    + " (in use?); choose another port with --broker-port");
        }
        return new EmbeddedBroker(server, host, port);
    }

    /** The broker's address for a core-protocol client, such as the Artemis resource adapter. */
    public String url() {
        return "tcp://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
