package org.calldesk.connector.ami;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.calldesk.connector.ami.inbound.AmiEventSession;
import org.calldesk.connector.ami.inbound.CallEventDelivery;
import org.calldesk.connector.ami.inbound.PbxActivationSpec;
import org.calldesk.connector.ami.mapping.AmiEventMapper;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.ami.outbound.PbxManagedConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;

/**
 * The PBX resource adapter: the only part of CallDesk that knows Asterisk. It keeps one AMI
 * session for events ({@link AmiEventSession}), maps them to {@code CallEvent} records
 * ({@link AmiEventMapper}) and delivers them through the container's WorkManager to every
 * message-driven bean that implements {@code CallEventListener} ({@link CallEventDelivery});
 * pooled outbound connections ({@link PbxManagedConnectionFactory}) carry the call controls.
 * Both sides share the adapter's {@link CallRegistry}, which knows each call's channels.
 *
 * <p>Settings are config properties with working defaults for the embedded simulator. An
 * operator overrides them without repackaging through MicroProfile Config or system properties
 * ({@code calldesk.ami.host}, {@code calldesk.ami.port}, {@code calldesk.ami.username},
 * {@code calldesk.ami.secret}, and the keys in {@link #OVERRIDE_KEYS}). They are resolved once, in
 * {@link #start}. The secret is never logged.
 *
 * <p>{@code start()} never waits for the PBX: the server starts even if the PBX is down or refuses
 * the credentials, and the adapter keeps trying in the background.
 */
@Connector(
        displayName = "CallDesk PBX adapter",
        description = "Call control and call events for CallDesk over the Asterisk Manager Interface (AMI)",
        vendorName = "CallDesk",
        eisType = "Asterisk PBX (AMI)",
        version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class PbxResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(PbxResourceAdapter.class.getName());

    static final String KEY_HOST = "calldesk.ami.host";
    static final String KEY_PORT = "calldesk.ami.port";
    static final String KEY_USERNAME = "calldesk.ami.username";
    static final String KEY_SECRET = "calldesk.ami.secret";

    /** Config property to the MicroProfile Config / system property key that overrides it. */
    static final Map<String, String> OVERRIDE_KEYS = Map.ofEntries(
            Map.entry("amiHost", KEY_HOST),
            Map.entry("amiPort", KEY_PORT),
            Map.entry("amiUsername", KEY_USERNAME),
            Map.entry("amiSecret", KEY_SECRET),
            Map.entry("inboundContext", "calldesk.ami.context.inbound"),
            Map.entry("connectContext", "calldesk.ami.context.connect"),
            Map.entry("outboundContext", "calldesk.ami.context.outbound"),
            Map.entry("holdContext", "calldesk.ami.context.hold"),
            Map.entry("agentWaitContext", "calldesk.ami.context.agent-wait"),
            Map.entry("announceContext", "calldesk.ami.context.announce"),
            Map.entry("connectTimeoutMillis", "calldesk.ami.connect-timeout-millis"),
            Map.entry("actionTimeoutMillis", "calldesk.ami.action-timeout-millis"),
            Map.entry("reconnectInitialDelayMillis", "calldesk.ami.reconnect-initial-delay-millis"),
            Map.entry("reconnectMaxDelayMillis", "calldesk.ami.reconnect-max-delay-millis"),
            Map.entry("pingIntervalMillis", "calldesk.ami.ping-interval-millis"));

    @ConfigProperty(defaultValue = "127.0.0.1",
            description = "Host of the PBX's Asterisk Manager Interface (overridden by calldesk.ami.host)")
    private String amiHost = "127.0.0.1";

    @ConfigProperty(defaultValue = "5038",
            description = "TCP port of the Asterisk Manager Interface, manager.conf [general] port (overridden by calldesk.ami.port)")
    private Integer amiPort = 5038;

    @ConfigProperty(defaultValue = "calldesk",
            description = "The manager.conf user the adapter logs in as (overridden by calldesk.ami.username)")
    private String amiUsername = "calldesk";

    @ConfigProperty(defaultValue = "calldesk", confidential = true,
            description = "The manager.conf user's secret; never logged (overridden by calldesk.ami.secret)")
    private String amiSecret = "calldesk";

    @ConfigProperty(defaultValue = "calldesk-inbound",
            description = "Dialplan context where customers wait with music and UserEvent CallDeskWaiting is raised")
    private String inboundContext = DialplanContexts.DEFAULTS.inbound();

    @ConfigProperty(defaultValue = "calldesk-connect",
            description = "Dialplan context that bridges an answered phone with the channel in CALLDESK_PEER")
    private String connectContext = DialplanContexts.DEFAULTS.connect();

    @ConfigProperty(defaultValue = "calldesk-outbound",
            description = "Dialplan context that dials the customer (the extension) once the agent answered")
    private String outboundContext = DialplanContexts.DEFAULTS.outbound();

    @ConfigProperty(defaultValue = "calldesk-hold",
            description = "Dialplan context that plays music to a held customer")
    private String holdContext = DialplanContexts.DEFAULTS.hold();

    @ConfigProperty(defaultValue = "calldesk-agent-wait",
            description = "Dialplan context that keeps the agent's line up while the customer is held")
    private String agentWaitContext = DialplanContexts.DEFAULTS.agentWait();

    @ConfigProperty(defaultValue = "calldesk-announce",
            description = "Dialplan context that plays CALLDESK_ANNOUNCEMENT to the customer, then hangs up")
    private String announceContext = DialplanContexts.DEFAULTS.announce();

    @ConfigProperty(defaultValue = "5000",
            description = "Milliseconds to wait for the TCP connection to the AMI port")
    private Integer connectTimeoutMillis = 5000;

    @ConfigProperty(defaultValue = "5000",
            description = "Milliseconds to wait for the PBX's answer to an AMI action")
    private Integer actionTimeoutMillis = 5000;

    @ConfigProperty(defaultValue = "500",
            description = "Milliseconds before the first reconnect attempt; the delay doubles after each failure")
    private Integer reconnectInitialDelayMillis = 500;

    @ConfigProperty(defaultValue = "30000",
            description = "Longest delay in milliseconds between reconnect attempts")
    private Integer reconnectMaxDelayMillis = 30000;

    @ConfigProperty(defaultValue = "20000",
            description = "Milliseconds between Pings that check the event session is still alive")
    private Integer pingIntervalMillis = 20000;

    private final Map<ActivationSpec, MessageEndpointFactory> endpoints = new ConcurrentHashMap<>();
    private volatile Running running;

    /** What exists between start and stop. */
    private record Running(AmiSettings settings, CallRegistry registry, CallEventDelivery delivery,
                           AmiEventSession session, Timer timer) {
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        AmiSettings settings;
        try {
            settings = resolveSettings(ConfigOverrides.fromEnvironment(classLoader()));
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("Invalid PBX adapter settings: " + e.getMessage(), e);
        }
        AmiClient.prepare(); // before any thread of ours loads classes beside the server's deployment
        Timer timer;
        try {
            timer = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("The server gave the PBX adapter no timer", e);
        }
        CallRegistry registry = new CallRegistry();
        CallEventDelivery delivery = new CallEventDelivery(context.getWorkManager(), this::activeEndpoints, timer);
        AmiEventMapper mapper = new AmiEventMapper(registry, settings.contexts(), Clock.systemUTC());
        AmiEventSession session = new AmiEventSession(settings, mapper, delivery::publish, timer, Clock.systemUTC());
        running = new Running(settings, registry, delivery, session, timer);
        LOG.info("PBX adapter starting with " + settings);
        session.start();
    }

    @Override
    public void stop() {
        Running stopping = running;
        running = null;
        if (stopping != null) {
            stopping.session().stop();
            stopping.delivery().close();
        }
        endpoints.clear();
        LOG.info("PBX adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof PbxActivationSpec)) {
            throw new NotSupportedException("The PBX adapter activates only "
                    + PbxActivationSpec.class.getName() + ", not " + (spec == null ? null : spec.getClass().getName()));
        }
        spec.validate();
        endpoints.put(spec, factory);
        LOG.info("PBX call events now go to " + factory.getEndpointClass() + " (" + endpoints.size()
                + " endpoint(s) active)");
        Running current = running;
        if (current != null) {
            current.delivery().endpointsChanged(); // what waited for an endpoint goes now
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        if (spec == null || endpoints.remove(spec) == null) {
            endpoints.values().removeIf(active -> active == factory);
        }
    }

    /** No transactions: AMI actions cannot be rolled back. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    Collection<MessageEndpointFactory> activeEndpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * The settings in force: those resolved at start, or (before start) what they would be.
     */
    public AmiSettings settings() {
        Running current = running;
        return current != null ? current.settings() : resolveSettings(ConfigOverrides.fromEnvironment(classLoader()));
    }

    /** The calls the event session tracks; empty if the adapter is not started. */
    public Optional<CallRegistry> registry() {
        return Optional.ofNullable(running).map(Running::registry);
    }

    /**
     * Runs the task soon on the adapter's timer thread (from the {@code BootstrapContext}), or
     * right here if the adapter is stopped. For work that must not run on asterisk-java's threads.
     */
    public void runInBackground(Runnable task) {
        Running current = running;
        if (current != null) {
            try {
                current.timer().schedule(new TimerTask() {
                    @Override
                    public void run() {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "PBX adapter background task failed", e);
                        }
                    }
                }, 0);
                return;
            } catch (IllegalStateException e) {
                LOG.log(Level.FINE, "The adapter's timer is cancelled; running the task directly", e);
            }
        }
        task.run();
    }

    /** Whether the event session is logged in to the PBX now. */
    public boolean pbxConnected() {
        Running current = running;
        return current != null && current.session().connected();
    }

    /** Whether the PBX's events reach the adapter, and how many wait for the application. */
    public PbxEventLink eventLink() {
        Running current = running;
        if (current == null) {
            return new PbxEventLink(false, "the PBX adapter is not started", 0);
        }
        int waiting = current.delivery().waiting();
        return current.session().connected()
                ? new PbxEventLink(true, "event session logged in to " + current.settings().address(), waiting)
                : new PbxEventLink(false, "no event session with the PBX: " + current.session().problem(), waiting);
    }

    /** The adapter's config properties with the operator's overrides applied. */
    public AmiSettings resolveSettings(ConfigOverrides overrides) {
        DialplanContexts contexts = new DialplanContexts(
                text(overrides, "inboundContext", inboundContext),
                text(overrides, "connectContext", connectContext),
                text(overrides, "outboundContext", outboundContext),
                text(overrides, "holdContext", holdContext),
                text(overrides, "agentWaitContext", agentWaitContext),
                text(overrides, "announceContext", announceContext));
        return new AmiSettings(
                text(overrides, "amiHost", amiHost),
                number(overrides, "amiPort", amiPort),
                text(overrides, "amiUsername", amiUsername),
                text(overrides, "amiSecret", amiSecret),
                contexts,
                millis(overrides, "connectTimeoutMillis", connectTimeoutMillis),
                millis(overrides, "actionTimeoutMillis", actionTimeoutMillis),
                millis(overrides, "reconnectInitialDelayMillis", reconnectInitialDelayMillis),
                millis(overrides, "reconnectMaxDelayMillis", reconnectMaxDelayMillis),
                millis(overrides, "pingIntervalMillis", pingIntervalMillis));
    }

    private static String text(ConfigOverrides overrides, String property, String configured) {
        Optional<String> override = overrides.value(OVERRIDE_KEYS.get(property));
        override.ifPresent(v -> LOG.config("PBX adapter setting " + property + " taken from " + OVERRIDE_KEYS.get(property)));
        return override.orElse(configured == null ? "" : configured.trim());
    }

    private static int number(ConfigOverrides overrides, String property, Integer configured) {
        String key = OVERRIDE_KEYS.get(property);
        Optional<String> override = overrides.value(key);
        if (override.isPresent()) {
            try {
                int value = Integer.parseInt(override.get());
                LOG.config("PBX adapter setting " + property + " taken from " + key);
                return value;
            } catch (NumberFormatException e) {
                LOG.warning("Ignoring " + key + "='" + override.get() + "': not a whole number; using " + property
                        + "=" + configured);
            }
        }
        if (configured == null) {
            throw new IllegalArgumentException(property + " is required");
        }
        return configured;
    }

    private static Duration millis(ConfigOverrides overrides, String property, Integer configured) {
        return Duration.ofMillis(number(overrides, property, configured));
    }

    private ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PbxResourceAdapter.class.getClassLoader();
    }

    // ---- JavaBean properties, set by the container from the annotations or the deployment ----

    public String getAmiHost() {
        return amiHost;
    }

    public void setAmiHost(String amiHost) {
        this.amiHost = amiHost;
    }

    public Integer getAmiPort() {
        return amiPort;
    }

    public void setAmiPort(Integer amiPort) {
        this.amiPort = amiPort;
    }

    public String getAmiUsername() {
        return amiUsername;
    }

    public void setAmiUsername(String amiUsername) {
        this.amiUsername = amiUsername;
    }

    public String getAmiSecret() {
        return amiSecret;
    }

    public void setAmiSecret(String amiSecret) {
        this.amiSecret = amiSecret;
    }

    public String getInboundContext() {
        return inboundContext;
    }

    public void setInboundContext(String inboundContext) {
        this.inboundContext = inboundContext;
    }

    public String getConnectContext() {
        return connectContext;
    }

    public void setConnectContext(String connectContext) {
        this.connectContext = connectContext;
    }

    public String getOutboundContext() {
        return outboundContext;
    }

    public void setOutboundContext(String outboundContext) {
        this.outboundContext = outboundContext;
    }

    public String getHoldContext() {
        return holdContext;
    }

    public void setHoldContext(String holdContext) {
        this.holdContext = holdContext;
    }

    public String getAgentWaitContext() {
        return agentWaitContext;
    }

    public void setAgentWaitContext(String agentWaitContext) {
        this.agentWaitContext = agentWaitContext;
    }

    public String getAnnounceContext() {
        return announceContext;
    }

    public void setAnnounceContext(String announceContext) {
        this.announceContext = announceContext;
    }

    public Integer getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public void setConnectTimeoutMillis(Integer connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public Integer getActionTimeoutMillis() {
        return actionTimeoutMillis;
    }

    public void setActionTimeoutMillis(Integer actionTimeoutMillis) {
        this.actionTimeoutMillis = actionTimeoutMillis;
    }

    public Integer getReconnectInitialDelayMillis() {
        return reconnectInitialDelayMillis;
    }

    public void setReconnectInitialDelayMillis(Integer reconnectInitialDelayMillis) {
        this.reconnectInitialDelayMillis = reconnectInitialDelayMillis;
    }

    public Integer getReconnectMaxDelayMillis() {
        return reconnectMaxDelayMillis;
    }

    public void setReconnectMaxDelayMillis(Integer reconnectMaxDelayMillis) {
        this.reconnectMaxDelayMillis = reconnectMaxDelayMillis;
    }

    public Integer getPingIntervalMillis() {
        return pingIntervalMillis;
    }

    public void setPingIntervalMillis(Integer pingIntervalMillis) {
        this.pingIntervalMillis = pingIntervalMillis;
    }

    /**
     * The connector specification asks a resource adapter to define equality (WildFly refuses to
     * deploy one that does not). An adapter instance owns running sessions and endpoints, so it
     * is equal only to itself.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "PbxResourceAdapter[amiHost=" + amiHost + ", amiPort=" + amiPort + ", amiUsername=" + amiUsername
                + ", amiSecret=" + AmiSettings.MASK + ", started=" + (running != null) + "]";
    }
}
