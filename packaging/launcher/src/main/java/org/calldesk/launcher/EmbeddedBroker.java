package org.calldesk.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * An ActiveMQ Artemis broker on a loopback TCP port with a persistent journal: the embedded
 * run's message broker and the one the integration tests use. The application reaches it through
 * the Artemis resource adapter exactly as it would reach a broker of its own process.
 *
 * <p>The PBX events queue is configured so that no event is ever dropped: failed deliveries are
 * retried with a growing delay, without limit.
 *
 * <p>External systems connect to the same port with the Artemis core protocol or AMQP 1.0 (one
 * multi-protocol acceptor: one port to open and configure, and AMQP's usual 5672 is often taken by
 * RabbitMQ): they follow the events topic, with durable subscriptions if they like, and send
 * commands to {@value #COMMAND_QUEUE}. A command the application cannot process after a few
 * attempts goes to {@value #COMMAND_DEAD_LETTER_QUEUE} (the application puts malformed ones there
 * itself, with the reason).
 *
 * <p>Security: on a loopback address and without credentials the broker lets any local client in
 * (the embedded run). Listening on any other address it requires credentials and refuses
 * anonymous clients: the application's own user (role {@value #APPLICATION_ROLE}, everything) and
 * the integration user (role {@value #INTEGRATION_ROLE}: follow the events topic, durably too,
 * send commands, read replies and the command dead-letter queue, and use temporary queues for
 * replies; not the PBX events queue). Passwords are never logged.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** How many event ids the events topic remembers for duplicate detection. */
    static final int EVENT_TOPIC_ID_CACHE = 200_000;

    public static final String PBX_EVENT_QUEUE = "PbxEventQueue";
    public static final String EVENT_TOPIC = "ContactCenterEventTopic";
    public static final String DEAD_LETTER_QUEUE = "DLQ";
    public static final String COMMAND_QUEUE = "IntegrationCommandQueue";
    public static final String COMMAND_REPLY_QUEUE = "IntegrationCommandReplyQueue";
    public static final String COMMAND_DEAD_LETTER_QUEUE = "IntegrationCommandDLQ";
    /** The broker role of the application (the resource adapter inside the application server). */
    public static final String APPLICATION_ROLE = "application";
    /** The broker role of external systems. */
    public static final String INTEGRATION_ROLE = "integration";
    /** Temporary queues' names get this prefix for security matching (replies to commands). */
    static final String TEMPORARY_QUEUE_NAMESPACE = "calldesk-temp";

    /** A broker user; {@link #toString()} never shows the password. */
    public record Credentials(String user, String password) {

        public Credentials {
            if (user == null || user.isBlank() || password == null || password.isEmpty()) {
                throw new IllegalArgumentException("a broker user needs a name and a password");
            }
        }

        @Override
        public String toString() {
            return user + ":****";
        }
    }

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

    /** A broker without authentication on a loopback address (the embedded run, tests). */
    public static EmbeddedBroker start(Path dataDir, String host, int port) throws Exception {
        return start(dataDir, host, port, null, null);
    }

    /**
     * @param application the application's broker user, or null for none (loopback only)
     * @param integration the integration user of external systems, or null for none (loopback only)
     * @throws IllegalArgumentException if {@code host} is not a loopback address and a user is missing
     */
    public static EmbeddedBroker start(Path dataDir, String host, int port, Credentials application,
                                       Credentials integration) throws Exception {
        Objects.requireNonNull(dataDir, "dataDir is required");
        boolean secured = requiresCredentials(host) || application != null || integration != null;
        if (secured && (application == null || integration == null)) {
            throw new IllegalArgumentException("the message broker listens on " + host
                    + ", not only on loopback: it needs the application's and the integration's broker users"
                    + " (--broker-user and --broker-password)");
        }
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
                .setSecurityEnabled(secured)
                .setJMXManagementEnabled(false)
                .setTemporaryQueueNamespace(TEMPORARY_QUEUE_NAMESPACE)
                .addAcceptorConfiguration("calldesk", "tcp://" + host + ":" + port + "?protocols=CORE,AMQP");
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
        // the outbox relay may publish an event twice (its row outlived the publishing); the topic
        // drops the copy by the event's id while it remembers it: 200,000 ids are minutes of
        // events at full load, far more than the outbox sweep's delay
        config.addAddressSetting(EVENT_TOPIC, new AddressSettings().setIDCacheSize(EVENT_TOPIC_ID_CACHE));

        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        if (secured) {
            addPermissions(config);
            config.setPopulateValidatedUser(true); // the application audits commands by broker user
            SecurityConfiguration users = new SecurityConfiguration();
            users.addUser(application.user(), application.password());
            users.addRole(application.user(), APPLICATION_ROLE);
            users.addUser(integration.user(), integration.password());
            users.addRole(integration.user(), INTEGRATION_ROLE);
            server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        }
        server.start();
        var acceptor = server.getActiveMQServer().getRemotingService().getAcceptor("calldesk");
        if (acceptor == null || !acceptor.isStarted()) {
            server.stop();
            throw new IllegalStateException("the message broker cannot listen on " + host + ":" + port
                    + " (in use?); choose another port with --broker-port");
        }
        return new EmbeddedBroker(server, host, port);
    }

    /**
     * Whether a broker on this address must authenticate its clients: any address but a loopback
     * one (a wildcard such as {@code 0.0.0.0} included).
     */
    public static boolean requiresCredentials(String host) {
        try {
            return !InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the broker's address is not known: " + host, e);
        }
    }

    /**
     * Who may do what. Artemis applies the most specific match only, so each address the
     * integration role may use names the application role as well.
     */
    private static void addPermissions(Configuration config) {
        Role application = role(APPLICATION_ROLE, true, true, true, true, true, true, true, true, true, true);
        config.putSecurityRoles("#", Set.of(application));
        config.putSecurityRoles(EVENT_TOPIC, Set.of(application,
                // subscribe: durable and non-durable subscription queues on the topic, read them
                role(INTEGRATION_ROLE, false, true, true, true, true, true, false, true, false, false)));
        config.putSecurityRoles(COMMAND_QUEUE, Set.of(application,
                role(INTEGRATION_ROLE, true, false, false, false, false, false, false, false, false, false)));
        for (String readable : new String[] {COMMAND_REPLY_QUEUE, COMMAND_DEAD_LETTER_QUEUE}) {
            config.putSecurityRoles(readable, Set.of(application,
                    role(INTEGRATION_ROLE, false, true, false, false, false, false, false, true, false, false)));
        }
        // temporary reply queues (JMS temporary queues, AMQP dynamic nodes) of integration clients
        config.putSecurityRoles(TEMPORARY_QUEUE_NAMESPACE + ".#", Set.of(application,
                role(INTEGRATION_ROLE, true, true, false, false, true, true, false, true, true, true)));
    }

    private static Role role(String name, boolean send, boolean consume, boolean createDurableQueue,
                             boolean deleteDurableQueue, boolean createNonDurableQueue,
                             boolean deleteNonDurableQueue, boolean manage, boolean browse, boolean createAddress,
                             boolean deleteAddress) {
        return new Role(name, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
                deleteNonDurableQueue, manage, browse, createAddress, deleteAddress, manage, manage);
    }

    /** The broker's address for a core-protocol client, such as the Artemis resource adapter. */
    public String url() {
        return "tcp://" + connectHost() + ":" + port;
    }

    /** Where a client on this machine connects: the bound address, or loopback for a wildcard one. */
    public String connectHost() {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }

    public int port() {
        return port;
    }

    /**
     * Messages on a queue, those being delivered included (for tests and checks).
     *
     * @throws IllegalArgumentException if there is no such queue
     */
    public long messageCount(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        if (found == null) {
            throw new IllegalArgumentException("no queue " + queue);
        }
        return found.getMessageCount();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
