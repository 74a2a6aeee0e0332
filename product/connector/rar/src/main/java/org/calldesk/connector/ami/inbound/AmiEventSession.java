package org.calldesk.connector.ami.inbound;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.calldesk.connector.ami.AmiClient;
import org.calldesk.connector.ami.AmiLoginException;
import org.calldesk.connector.ami.AmiSettings;
import org.calldesk.connector.ami.mapping.AmiEventMapper;
import org.calldesk.connector.api.CallEvent;

/**
 * The adapter's one AMI session for events, kept alive for as long as the adapter runs.
 *
 * <p>Why it exists: the application must be able to start while the PBX is down or the
 * credentials are wrong, and must learn when the link drops and comes back. So the session is
 * opened in the background, never in {@code start()}, and every failure is retried with a
 * doubling delay ({@code reconnectInitialDelayMillis} up to {@code reconnectMaxDelayMillis}). A
 * lasting problem is logged once, in words that name the setting to fix (never the secret);
 * identical failures after that are logged at FINE until something changes.
 *
 * <p>One reconnect policy, ours: asterisk-java would start its own reconnect thread when a live
 * session drops (fixed 50 ms then 5 s, giving up on a refused login). Instead, when a session is
 * lost it is marked dead (its later events are ignored), logged off, which ends asterisk-java's
 * threads and its reconnect loop, and a fresh session is opened. A Ping every
 * {@code pingIntervalMillis} detects links that died without a TCP reset.
 *
 * <p>On every successful login it lists the PBX's channels ({@code CoreShowChannels}) and lets the
 * {@link AmiEventMapper} reconcile its calls; the listing's completion is handled on the event
 * thread, in order with the live events. The first loss (or failed first connect) publishes
 * {@link CallEvent.PbxConnectionLost}, the next login {@link CallEvent.PbxConnectionRestored}.
 *
 * <p>Several application nodes: after each login it asks the PBX when it started
 * ({@code CoreStatus}); with each AMI event's {@code SequenceNumber} that gives every call event an
 * id that all nodes connected to this PBX give it too ({@link PbxEventIds}). Where the PBX does not
 * number its events the ids are {@code null}, and that is logged once.
 *
 * <p>Threads: connect attempts, pings and log-offs run on the adapter's timer (from the
 * {@code BootstrapContext}); AMI events arrive on asterisk-java's dispatch thread, are mapped
 * there and only queued to the sink, which must not block.
 */
public final class AmiEventSession {

    private static final Logger LOG = Logger.getLogger(AmiEventSession.class.getName());

    private final AmiSettings settings;
    private final AmiEventMapper mapper;
    private final BiConsumer<CallEvent, String> sink;
    /** Whether the missing SequenceNumber (or PBX identity) was logged. */
    private volatile boolean unnumberedLogged;
    private final Timer timer;
    private final Clock clock;

    private final Object lock = new Object();
    /** Guarded by {@code lock}. */
    private boolean stopped;
    /** The session whose events count; guarded by {@code lock}. */
    private Link current;
    /** A session logging in on the timer thread; guarded by {@code lock}. */
    private Link connecting;
    /** Lost sessions not yet logged off (asterisk-java's reconnect loop still runs for them). */
    private final Set<Link> retiring = ConcurrentHashMap.newKeySet();
    /** A PbxConnectionLost was published and no PbxConnectionRestored yet; guarded by {@code lock}. */
    private boolean lostReported;
    /** Why the session is not logged in, in plain words. */
    private volatile String problem = "not logged in yet";
    /** Failed attempts since the last success; only used on the timer thread. */
    private int failedAttempts;
    /** The kind of failure last logged at WARNING; only used on the timer thread. */
    private AmiLoginException.Kind lastLogged;

    /** One asterisk-java session, and whether its events still count. */
    private final class Link implements ManagerEventListener {
        private final ManagerConnection connection;
        private volatile boolean live = true;
        /** The PBX process this session talks to (CoreStatus after login); {@code null} until known. */
        private volatile String pbxIdentity;

        Link() {
            this.connection = AmiClient.create(settings, this);
        }

        @Override
        public void onManagerEvent(ManagerEvent event) {
            if (!live || event instanceof ConnectEvent) {
                return;
            }
            if (event instanceof DisconnectEvent) {
                lost(this, "the AMI connection to " + settings.address() + " was closed");
                return;
            }
            List<CallEvent> callEvents = mapper.map(event);
            endLegsLeftBehind(connection);
            if (callEvents.isEmpty()) {
                return;
            }
            List<String> ids = PbxEventIds.of(pbxIdentity, event.getSequenceNumber(), callEvents);
            if (ids.get(0) == null && pbxIdentity != null) {
                unnumbered("its AMI events carry no SequenceNumber (manager.conf [general] debug = on)");
            }
            for (int i = 0; i < callEvents.size(); i++) {
                sink.accept(callEvents.get(i), ids.get(i));
            }
        }
    }

    /**
     * Hangs up the channels that calls which just ended left on the PBX (see
     * {@link AmiEventMapper#takeLegsToEnd}), without waiting for the answers on the event thread.
     * Another node may have done it first: "No such channel" is expected then.
     */
    private void endLegsLeftBehind(ManagerConnection connection) {
        for (String channel : mapper.takeLegsToEnd()) {
            try {
                connection.sendAction(new HangupAction(channel), response -> {
                    if (response instanceof ManagerError) {
                        LOG.fine(() -> "Hangup of " + channel + " left by an ended call: " + response.getMessage());
                    }
                });
                LOG.fine(() -> "hanging up " + channel + ", left on the PBX by a call that ended");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not hang up " + channel + ", left on the PBX by a call that ended", e);
            }
        }
    }

    /** Said once: without event ids, each application node queues its own copy of every event. */
    private void unnumbered(String why) {
        if (!unnumberedLogged) {
            unnumberedLogged = true;
            LOG.warning("The PBX at " + settings.address() + " cannot be told apart across application nodes: " + why
                    + ". One node is fine; with several nodes connected to this PBX each would apply every PBX event"
                    + " once per node. See docs/operations.md, 'Running several nodes'.");
        }
    }

    /** Asks the PBX when it started, which tells this Asterisk process from any other. */
    private void identify(Link link) {
        try {
            ManagerResponse response = link.connection.sendAction(new CoreStatusQueryAction(),
                    settings.actionTimeout().toMillis());
            if (response != null && "Success".equalsIgnoreCase(response.getResponse())) {
                link.pbxIdentity = PbxEventIds.pbxIdentity(response.getAttribute("CoreStartupDate"),
                        response.getAttribute("CoreStartupTime"));
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "CoreStatus failed", e);
        }
        if (link.pbxIdentity == null) {
            unnumbered("it did not say when it started (CoreStatus; the AMI user needs read 'system')");
        }
    }

    public AmiEventSession(AmiSettings settings, AmiEventMapper mapper, BiConsumer<CallEvent, String> sink, Timer timer, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings is required");
        this.mapper = Objects.requireNonNull(mapper, "mapper is required");
        this.sink = Objects.requireNonNull(sink, "sink is required");
        this.timer = Objects.requireNonNull(timer, "timer is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        schedule(this::connect, Duration.ZERO);
        long ping = settings.pingInterval().toMillis();
        timer.schedule(task(this::ping), ping, ping);
    }

    /**
     * Logs off and ends every thread the session started. A login in progress is waited for
     * (at most the connect and action timeouts) and then logged off.
     */
    public void stop() {
        Link live;
        Link pending;
        synchronized (lock) {
            stopped = true;
            live = current;
            pending = connecting;
            current = null;
            connecting = null;
        }
        timer.cancel();
        for (Link link : new Link[] {live, pending}) {
            if (link != null) {
                link.live = false;
                AmiClient.quietlyLogoff(link.connection);
            }
        }
        for (Link link : retiring) {
            retire(link);
        }
    }

    /** Whether a logged-in event session is up now. */
    public boolean connected() {
        synchronized (lock) {
            return current != null;
        }
    }

    /** Why the event session is not logged in (the last failure), in plain words. */
    public String problem() {
        return problem;
    }

    private void connect() {
        Link link;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            link = new Link();
            connecting = link;
        }
        try {
            AmiClient.login(link.connection, settings, true);
        } catch (AmiLoginException e) {
            link.live = false;
            synchronized (lock) {
                connecting = null;
                if (stopped) {
                    return;
                }
            }
            failed(e);
            return;
        }
        identify(link);
        boolean restored;
        synchronized (lock) {
            connecting = null;
            if (stopped || !link.live) {
                link.live = false;
            } else {
                current = link;
            }
            restored = current == link && lostReported;
            if (restored) {
                lostReported = false;
            }
        }
        if (current() != link) {
            AmiClient.quietlyLogoff(link.connection);
            if (!isStopped()) {
                failed(new AmiLoginException(AmiLoginException.Kind.UNREACHABLE,
                        "the AMI connection to " + settings.address() + " dropped right after login", null));
            }
            return;
        }
        failedAttempts = 0;
        lastLogged = null;
        if (restored) {
            LOG.info("Reconnected to the PBX at " + settings.address() + "; resynchronising calls");
            sink.accept(new CallEvent.PbxConnectionRestored(clock.instant()), null);
        } else {
            LOG.info("Connected to the PBX at " + settings.address() + " as AMI user '" + settings.username() + "'");
        }
        resynchronise(link);
    }

    /** Asks for the channel listing; the mapper reconciles it on the event thread when it completes. */
    private void resynchronise(Link link) {
        try {
            link.connection.sendEventGeneratingAction(new CoreShowChannelsAction(), events -> listed(link, events));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not ask the PBX at " + settings.address()
                    + " for its channels; calls that changed while the adapter was away may be reported late", e);
        }
    }

    private void listed(Link link, ResponseEvents events) {
        if (!link.live) {
            return;
        }
        ManagerResponse response = events.getResponse();
        if (response instanceof ManagerError) {
            LOG.warning("The PBX refused CoreShowChannels (" + response.getMessage()
                    + "): check that the AMI user may read 'call' and 'system' events");
            return;
        }
        List<CoreShowChannelEvent> channels = new ArrayList<>();
        boolean complete = false;
        for (ResponseEvent event : events.getEvents()) {
            if (event instanceof CoreShowChannelEvent channel) {
                channels.add(channel);
            } else if (event instanceof CoreShowChannelsCompleteEvent) {
                complete = true;
            }
        }
        if (!complete) {
            return;
        }
        for (CallEvent callEvent : mapper.reconcile(channels)) {
            sink.accept(callEvent, null);
        }
        sink.accept(new CallEvent.PbxCallsListed(listedCalls(channels), clock.instant()), null);
    }

    /** The calls of the listed channels: each channel's Linkedid, the id its call is known by. */
    static java.util.Set<org.calldesk.connector.api.CallId> listedCalls(List<CoreShowChannelEvent> channels) {
        java.util.Set<org.calldesk.connector.api.CallId> calls = new java.util.HashSet<>();
        for (CoreShowChannelEvent channel : channels) {
            String linkedId = channel.getLinkedid();
            if (linkedId != null && !linkedId.isBlank()) {
                calls.add(new org.calldesk.connector.api.CallId(linkedId));
            }
        }
        return calls;
    }

    private void failed(AmiLoginException e) {
        problem = e.getMessage();
        failedAttempts++;
        Duration delay = settings.reconnectDelay(failedAttempts);
        if (e.kind() != lastLogged) {
            lastLogged = e.kind();
            LOG.warning("The PBX adapter has no AMI session: " + e.getMessage() + ". Retrying in the background"
                    + " (at most " + settings.reconnectMaxDelay().toMillis() + " ms apart); the application runs meanwhile.");
        } else {
            LOG.fine("AMI connect attempt " + failedAttempts + " failed: " + e.getMessage());
        }
        boolean report;
        synchronized (lock) {
            report = !lostReported && !stopped;
            lostReported = true;
        }
        if (report) {
            sink.accept(new CallEvent.PbxConnectionLost(e.getMessage(), clock.instant()), null);
        }
        schedule(this::connect, delay);
    }

    /** The link is gone: report it once and reconnect. Called on asterisk-java's or the timer's thread. */
    private void lost(Link link, String reason) {
        boolean report;
        synchronized (lock) {
            if (!link.live) {
                return;
            }
            link.live = false;
            if (current != link || stopped) {
                return;
            }
            current = null;
            report = !lostReported;
            lostReported = true;
            // logged off on the timer thread: on asterisk-java's event thread it could deadlock with its reconnect loop
            retiring.add(link);
        }
        problem = reason;
        LOG.warning("Lost the AMI session with the PBX: " + reason + ". Reconnecting; calls are resynchronised afterwards.");
        if (report) {
            sink.accept(new CallEvent.PbxConnectionLost(reason, clock.instant()), null);
        }
        schedule(() -> {
            retire(link);
            connect();
        }, settings.reconnectInitialDelay());
    }

    private void retire(Link link) {
        AmiClient.quietlyLogoff(link.connection);
        retiring.remove(link);
    }

    private void ping() {
        Link link = current();
        if (link == null) {
            return;
        }
        try {
            ManagerResponse response = link.connection.sendAction(new PingAction(), settings.actionTimeout().toMillis());
            if (response == null) {
                lost(link, "the PBX at " + settings.address() + " did not answer a Ping");
            }
        } catch (Exception e) {
            lost(link, "the PBX at " + settings.address() + " did not answer a Ping (" + AmiClient.describe(e) + ")");
        }
    }

    private Link current() {
        synchronized (lock) {
            return current;
        }
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    private void schedule(Runnable action, Duration delay) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                timer.schedule(task(action), delay.toMillis());
            } catch (IllegalStateException e) {
                LOG.log(Level.FINE, "The adapter's timer is cancelled; not scheduling", e);
            }
        }
    }

    /** Timer tasks must not throw: an exception would end the timer's thread and with it every retry. */
    private static TimerTask task(Runnable action) {
        return new TimerTask() {
            @Override
            public void run() {
                try {
                    action.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.SEVERE, "PBX adapter background task failed", e);
                }
            }
        };
    }
}
