package org.calldesk.pbxsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.calldesk.pbxsim.ami.AmiEvent;
import org.calldesk.pbxsim.ami.AmiServer;
import org.calldesk.pbxsim.ami.EventCategory;
import org.calldesk.pbxsim.ami.EventFilter;
import org.calldesk.pbxsim.pbx.Behaviour;
import org.calldesk.pbxsim.pbx.Channel;
import org.calldesk.pbxsim.pbx.DeviceInfo;
import org.calldesk.pbxsim.pbx.HangupCause;
import org.calldesk.pbxsim.pbx.LoadGenerator;
import org.calldesk.pbxsim.pbx.LoadProfile;
import org.calldesk.pbxsim.pbx.ManagerActions;
import org.calldesk.pbxsim.pbx.Pbx;
import org.calldesk.pbxsim.pbx.PbxSettings;

/**
 * A PBX that speaks the Asterisk Manager Interface over TCP like Asterisk 18, for development,
 * the embedded run, tests and load generation.
 *
 * <p>Embed it with the builder:
 * <pre>{@code
 * try (PbxSimulator pbx = PbxSimulator.builder().amiPort(0).httpPort(0)
 *         .credentials("calldesk", "secret").build().start()) {
 *     // connect an AMI client to localhost:pbx.amiPort()
 *     pbx.inboundCall("01012345678", "15880001");
 * }
 * }</pre>
 * It listens on the loopback interface unless told otherwise. {@link #close()} stops it the
 * way a stopped Asterisk goes away: every AMI connection is dropped and every call is gone.
 * {@link #start()} may be called again after {@link #close()}: the simulator comes back on the
 * same ports (also when they were ephemeral), empty, as a restarted Asterisk would.
 */
public final class PbxSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PbxSimulator.class.getName());

    private final Builder config;
    private final List<Consumer<AmiEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile Pbx pbx;
    private volatile AmiServer ami;
    private volatile ControlApi http;
    private volatile int boundAmiPort;
    private volatile int boundHttpPort;
    private volatile LoadGenerator currentLoad;

    private PbxSimulator(Builder config) {
        this.config = config;
        this.boundAmiPort = config.amiPort;
        this.boundHttpPort = config.httpPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the AMI port and, unless disabled, the HTTP control port.
     *
     * @return this simulator
     * @throws UncheckedIOException if a port cannot be bound
     * @throws IllegalStateException if it is already running
     */
    public synchronized PbxSimulator start() {
        if (pbx != null) {
            throw new IllegalStateException("the simulator is already running");
        }
        Pbx newPbx = new Pbx(config.settings());
        try {
            ManagerActions actions = new ManagerActions(newPbx);
            AmiServer server = new AmiServer(config.bindAddress, boundAmiPort, actions, config.eventQueueCapacity,
                    config.writeTimeout);
            newPbx.addListener(server::publish);
            newPbx.addListener(this::fanOut);
            this.pbx = newPbx;
            this.ami = server;
            this.boundAmiPort = server.port();
            if (boundHttpPort >= 0) {
                ControlApi api = new ControlApi(this, config.bindAddress, boundHttpPort);
                this.http = api;
                this.boundHttpPort = api.port();
            }
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot open the simulator's ports", e);
        }
        LOG.fine(() -> "PBX simulator listening: AMI on " + config.bindAddress.getHostAddress() + ":" + boundAmiPort
                + (http != null ? ", control API on http://" + config.bindAddress.getHostAddress() + ":" + boundHttpPort : ""));
        return this;
    }

    /**
     * Stops as {@code core stop now} stops Asterisk: every channel hangs up, {@code Event: Shutdown}
     * is sent, then the AMI connections close (after writing what they had queued) and the
     * simulator stops listening.
     */
    @Override
    public synchronized void close() {
        Pbx core = pbx;
        AmiServer server = ami;
        if (core != null) {
            core.shutdown();
        }
        if (server != null) {
            server.closeAfterWriting(Duration.ofSeconds(2));
        }
        closeQuietly();
    }

    /**
     * Stops at once, as a crashed or killed Asterisk: the AMI connections drop without any event
     * and every call is forgotten.
     */
    public synchronized void kill() {
        closeQuietly();
    }

    private void closeQuietly() {
        ControlApi api = http;
        AmiServer server = ami;
        Pbx core = pbx;
        http = null;
        ami = null;
        pbx = null;
        LoadGenerator load = currentLoad;
        currentLoad = null;
        if (load != null) {
            load.stop();
        }
        if (api != null) {
            api.close();
        }
        if (server != null) {
            server.close();
        }
        if (core != null) {
            core.close();
        }
    }

    public boolean isRunning() {
        return pbx != null;
    }

    /** The AMI port it listens on (the bound one when 0 was asked for). */
    public int amiPort() {
        return boundAmiPort;
    }

    /** The HTTP control port it listens on, or -1 when the control API is disabled. */
    public int httpPort() {
        return boundHttpPort;
    }

    public InetAddress bindAddress() {
        return config.bindAddress;
    }

    /** Number of AMI connections open now. */
    public int amiConnections() {
        AmiServer server = ami;
        return server == null ? 0 : server.sessions().size();
    }

    /**
     * Receives every event the PBX raises, whether or not an AMI client is connected; called on
     * the PBX thread, so it must return quickly.
     */
    public void addEventListener(Consumer<AmiEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is required"));
    }

    public void removeEventListener(Consumer<AmiEvent> listener) {
        listeners.remove(listener);
    }

    private void fanOut(AmiEvent event) {
        for (Consumer<AmiEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    // ---------------------------------------------------------------- calls

    /**
     * A customer calls a service number: a trunk channel enters the inbound context (music,
     * {@code UserEvent: CallDeskWaiting}) and the customer behaves as the customer defaults say
     * (or as set for that number).
     *
     * @return the new channel; its {@link ChannelInfo#callId()} is the call's id
     */
    public ChannelInfo inboundCall(String callerNumber, String dialledNumber) {
        return inboundCall(callerNumber, "", dialledNumber);
    }

    /** As {@link #inboundCall(String, String)}, with a caller name (SIP display name). */
    public ChannelInfo inboundCall(String callerNumber, String callerName, String dialledNumber) {
        Pbx core = running();
        Channel channel = core.inboundCall(callerNumber, callerName, dialledNumber);
        return info(channel);
    }

    /** Calls up now, grouped by linkedid, oldest first. */
    public List<CallInfo> calls() {
        Pbx core = running();
        return core.call(() -> {
            Map<String, List<ChannelInfo>> byCall = new LinkedHashMap<>();
            for (Channel channel : core.channels()) {
                byCall.computeIfAbsent(channel.linkedid(), k -> new ArrayList<>()).add(info(channel));
            }
            List<CallInfo> calls = new ArrayList<>();
            byCall.forEach((id, channels) -> calls.add(new CallInfo(id, channels)));
            return calls;
        });
    }

    public Optional<CallInfo> call(String id) {
        return calls().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** How many channels exist now; cheaper than {@link #channels()} under load. */
    public int channelCount() {
        return running().channelCount();
    }

    /** Channels up now, oldest first. */
    public List<ChannelInfo> channels() {
        Pbx core = running();
        return core.call(() -> core.channels().stream().map(PbxSimulator::info).toList());
    }

    /**
     * The customer hangs up: every trunk channel of the call (or, if it has none, every channel)
     * is hung up from the far end with cause 16, Normal Clearing.
     *
     * @return false if no call has this id
     */
    public boolean hangupCall(String id) {
        Pbx core = running();
        return core.call(() -> {
            List<Channel> channels = core.channelsOfCall(id);
            if (channels.isEmpty()) {
                return false;
            }
            String trunk = "PJSIP/" + config.trunk;
            List<Channel> customers = channels.stream().filter(c -> c.device().equals(trunk)).toList();
            for (Channel channel : customers.isEmpty() ? channels : customers) {
                core.farEndHangup(channel, HangupCause.NORMAL_CLEARING);
            }
            return true;
        });
    }

    /** The far end of one channel hangs up with the given cause. */
    public boolean hangupChannel(String channelName, int cause) {
        return running().farEndHangup(channelName, cause);
    }

    // ---------------------------------------------------------------- load

    /**
     * Starts generating inbound calls, e.g. for a benchmark:
     * {@code pbx.startLoad(LoadProfile.of(200, Duration.ofSeconds(60), "15880001").holdingFor(5000))}.
     * A load already running keeps running; {@link #currentLoad()} then reports the new one.
     */
    public LoadGenerator startLoad(LoadProfile profile) {
        LoadGenerator load = running().startLoad(profile);
        currentLoad = load;
        return load;
    }

    /** The load started last, running or finished, if any since this simulator started. */
    public Optional<LoadGenerator> currentLoad() {
        return Optional.ofNullable(currentLoad);
    }

    // ---------------------------------------------------------------- phones and customers

    /** The agents' phones (not the trunk), by name. */
    public List<DeviceInfo> phones() {
        return running().devices(false);
    }

    /** A phone or the trunk by device name, e.g. {@code PJSIP/1001}. */
    public Optional<DeviceInfo> device(String device) {
        return running().device(device);
    }

    /**
     * Registers or unregisters a phone, as the phone itself would (a DeviceStateChange follows).
     * An unknown {@code PJSIP/<endpoint>} is added.
     */
    public DeviceInfo setPhoneRegistered(String device, boolean registered) {
        return running().configurePhone(device, registered, null);
    }

    /** Scripts what a phone does when called. An unknown {@code PJSIP/<endpoint>} is added, registered. */
    public DeviceInfo setPhoneBehaviour(String device, Behaviour behaviour) {
        return running().configurePhone(device, null, Objects.requireNonNull(behaviour, "behaviour is required"));
    }

    /**
     * Scripts the customer with this number: what they do when the PBX calls them (Dial up),
     * and when they hang up once their call is answered, inbound or outbound. {@code null}
     * returns them to the default.
     */
    public void setCustomerBehaviour(String number, Behaviour behaviour) {
        running().configureCustomer(Objects.requireNonNull(number, "number is required"), behaviour);
    }

    /** What the customer with this number does. */
    public Behaviour customerBehaviour(String number) {
        return running().customerBehaviour(number);
    }

    /** Customers with their own script. */
    public Map<String, Behaviour> scriptedCustomers() {
        return running().customers();
    }

    private Pbx running() {
        Pbx core = pbx;
        if (core == null) {
            throw new IllegalStateException("the simulator is not running");
        }
        return core;
    }

    private static ChannelInfo info(Channel c) {
        return new ChannelInfo(c.name(), c.uniqueid(), c.linkedid(), c.device(), c.state().description(),
                c.callerIdNum(), c.callerIdName(), c.connectedLineNum(), c.context(), c.exten(), c.priority(),
                c.application(), c.bridgeId());
    }

    // ---------------------------------------------------------------- builder

    /** Configures a simulator; every setting has a default that works for the embedded run. */
    public static final class Builder {

        /** The permissions of the manager.conf user of docs/asterisk.md. */
        public static final String CONTRACT_READ = "call,user,system,agent,reporting";
        public static final String CONTRACT_WRITE = "call,originate,system,reporting";

        /**
         * The manager.conf {@code eventfilter} of docs/asterisk.md: only the events the adapter
         * and asterisk-java read (asterisk-java pairs BridgeEnter with BridgeCreate, the adapter
         * tells a shutdown by SoftHangupRequest and Shutdown), the others (NewCallerid,
         * NewConnectedLine, HangupRequest, VarSet, Newexten, DeviceStateChange...) not sent at all.
         * The name ends at a non-letter, so {@code Hangup} does not let {@code HangupRequest} through.
         */
        public static final List<String> CONTRACT_EVENT_FILTER = List.of("Event: (Newchannel|Newstate|Rename"
                + "|DialBegin|DialEnd|BridgeCreate|BridgeEnter|BridgeLeave|BridgeDestroy|MusicOnHoldStart"
                + "|MusicOnHoldStop|SoftHangupRequest|Hangup|OriginateResponse|UserEvent|FullyBooted|Shutdown)[^A-Za-z]");

        private int amiPort = 5038;
        private int httpPort = 8088;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private String username = "calldesk";
        private String secret = "calldesk";
        private String readPermissions = CONTRACT_READ;
        private String writePermissions = CONTRACT_WRITE;
        private Duration authFailureDelay = Duration.ofSeconds(1);
        private String dialplan;
        private String inboundContext = "calldesk-inbound";
        private String trunk = "trunk";
        private Behaviour phoneBehaviour = Behaviour.answerAfter(200);
        private Behaviour customerBehaviour = Behaviour.answerAfter(1000);
        private long playbackMillis = 3000;
        private List<String> phones = defaultPhones();
        private int eventQueueCapacity = 100_000;
        private Duration writeTimeout = Duration.ofSeconds(5);
        private boolean timestampEvents;
        private boolean managerDebug = true;
        private List<String> eventFilter = CONTRACT_EVENT_FILTER;

        private Builder() {
        }

        /** The AMI port; 0 picks a free one (see {@link PbxSimulator#amiPort()}). Default 5038. */
        public Builder amiPort(int port) {
            this.amiPort = checkPort(port);
            return this;
        }

        /** The HTTP control port; 0 picks a free one, -1 disables the control API. Default 8088. */
        public Builder httpPort(int port) {
            this.httpPort = port < 0 ? -1 : checkPort(port);
            return this;
        }

        /** The address both ports bind to. Default: the loopback address. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address is required");
            return this;
        }

        /** The manager.conf user and secret clients log in with. Default calldesk / calldesk. */
        public Builder credentials(String username, String secret) {
            this.username = Objects.requireNonNull(username, "username is required");
            this.secret = Objects.requireNonNull(secret, "secret is required");
            return this;
        }

        /**
         * The user's manager.conf {@code read} and {@code write} classes, e.g. {@code "all"}.
         * Default: those of docs/asterisk.md ({@value #CONTRACT_READ} / {@value #CONTRACT_WRITE}),
         * which, as on Asterisk, do not include {@code dialplan} (no Newexten, VarSet) or
         * {@code command} (no Command action).
         */
        public Builder permissions(String read, String write) {
            this.readPermissions = Objects.requireNonNull(read, "read is required");
            this.writePermissions = Objects.requireNonNull(write, "write is required");
            return this;
        }

        /** How long a refused Login waits before answering and closing; Asterisk waits 1 s. */
        public Builder authFailureDelay(Duration delay) {
            this.authFailureDelay = Objects.requireNonNull(delay, "delay is required");
            return this;
        }

        /** Replaces the dialplan (extensions.conf text). Default: the CallDesk contexts of docs/asterisk.md. */
        public Builder dialplan(String extensionsConf) {
            this.dialplan = Objects.requireNonNull(extensionsConf, "extensionsConf is required");
            return this;
        }

        /** The context customers' calls enter. Default {@code calldesk-inbound}. */
        public Builder inboundContext(String context) {
            this.inboundContext = Objects.requireNonNull(context, "context is required");
            return this;
        }

        /** The PJSIP endpoint name of the trunk. Default {@code trunk}. */
        public Builder trunk(String endpoint) {
            this.trunk = Objects.requireNonNull(endpoint, "endpoint is required");
            return this;
        }

        /** What an agent's phone does unless set otherwise. Default: answers after 200 ms. */
        public Builder phoneBehaviour(Behaviour behaviour) {
            this.phoneBehaviour = Objects.requireNonNull(behaviour, "behaviour is required");
            return this;
        }

        /** What a customer does unless set otherwise. Default: answers after 1 s, never hangs up by itself. */
        public Builder customerBehaviour(Behaviour behaviour) {
            this.customerBehaviour = Objects.requireNonNull(behaviour, "behaviour is required");
            return this;
        }

        /** How long Playback() of an announcement lasts. Default 3 s. */
        public Builder playbackMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("millis must not be negative");
            }
            this.playbackMillis = millis;
            return this;
        }

        /** Packets an AMI client may have unread before it is disconnected. Default 100 000. */
        public Builder eventQueueCapacity(int capacity) {
            if (capacity < 16) {
                throw new IllegalArgumentException("capacity must be at least 16");
            }
            this.eventQueueCapacity = capacity;
            return this;
        }

        /**
         * The agents' phones (PJSIP endpoints such as {@code PJSIP/1001}), registered at start.
         * Default: {@code PJSIP/1001} to {@code PJSIP/1099}.
         */
        public Builder phones(List<String> devices) {
            for (String device : devices) {
                if (!device.startsWith("PJSIP/") || device.length() <= "PJSIP/".length()) {
                    throw new IllegalArgumentException("a phone is named PJSIP/<endpoint>, not " + device);
                }
            }
            this.phones = List.copyOf(devices);
            return this;
        }

        private static List<String> defaultPhones() {
            List<String> list = new ArrayList<>();
            for (int ext = 1001; ext <= 1099; ext++) {
                list.add("PJSIP/" + ext);
            }
            return list;
        }

        /**
         * How long a write to an AMI client may stay blocked (the client is not reading) before
         * the client is disconnected, as manager.conf's {@code writetimeout}. Default 5 s, the
         * value in docs/asterisk.md.
         */
        public Builder writeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout is required");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.writeTimeout = timeout;
            return this;
        }

        /** Adds Asterisk's {@code Timestamp} header to every event, as manager.conf {@code timestampevents = yes}. Default off. */
        public Builder timestampEvents(boolean on) {
            this.timestampEvents = on;
            return this;
        }

        /**
         * Numbers every event with Asterisk's {@code SequenceNumber} header, as manager.conf
         * {@code debug = on}: what lets several application nodes keep one copy of each event.
         * Default on.
         */
        public Builder managerDebug(boolean on) {
            this.managerDebug = on;
            return this;
        }

        /**
         * The user's manager.conf {@code eventfilter} lines (regular expressions on the whole event;
         * {@code !} in front: a blacklist filter). Default {@link #CONTRACT_EVENT_FILTER}; none: every
         * event the user may read.
         */
        public Builder eventFilter(List<String> lines) {
            EventFilter.of(lines); // refuses a malformed expression here, not at login
            this.eventFilter = List.copyOf(lines);
            return this;
        }

        public PbxSimulator build() {
            EventCategory.parseMask(readPermissions);
            return new PbxSimulator(this);
        }

        PbxSettings settings() {
            return new PbxSettings(username, secret, EventCategory.parseMask(readPermissions),
                    EventCategory.parseMask(writePermissions), authFailureDelay,
                    dialplan != null ? dialplan : defaultDialplan(), inboundContext, trunk,
                    phoneBehaviour, customerBehaviour, playbackMillis, phones, timestampEvents, managerDebug,
                    EventFilter.of(eventFilter));
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            return port;
        }
    }

    /** The CallDesk dialplan of docs/asterisk.md, shipped as a resource. */
    public static String defaultDialplan() {
        try (InputStream in = PbxSimulator.class.getResourceAsStream("extensions.conf")) {
            if (in == null) {
                throw new IllegalStateException("extensions.conf is missing from the simulator's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
