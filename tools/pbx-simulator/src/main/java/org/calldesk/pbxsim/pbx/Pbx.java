package org.calldesk.pbxsim.pbx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.calldesk.pbxsim.ami.AmiEvent;
import org.calldesk.pbxsim.ami.AmiMessage;
import org.calldesk.pbxsim.ami.EventCategory;

/**
 * The simulated Asterisk core: channels, bridges and devices, raising the AMI events Asterisk
 * raises for each change. The channels' dialplan runs in the {@link DialplanEngine}.
 *
 * <p>All state changes run on one thread, the PBX thread, as tasks of a scheduler. That gives
 * Asterisk's per-call event order for free, makes timers (ring time, music, waits) plain
 * scheduled tasks that tests can shorten, and needs no locks in the model. Other threads
 * (AMI readers, the control API, the Java API) submit work with {@link #execute} or
 * {@link #call}. Events are handed to listeners on the PBX thread; the AMI listener only
 * enqueues them, so a slow client never slows the PBX.
 */
public final class Pbx implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Pbx.class.getName());
    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final PbxSettings settings;
    private final ScheduledThreadPoolExecutor executor;
    private final List<Consumer<AmiEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Channel> channelsByName = new ConcurrentHashMap<>();
    private final Map<String, Channel> channelsByUniqueid = new ConcurrentHashMap<>();
    private final AtomicLong uniqueSequence = new AtomicLong();
    private final AtomicLong channelIndex = new AtomicLong();
    private final Instant startedAt = Instant.now();
    private final Devices devices;
    private final DialplanEngine engine;
    private final Originator originator;
    private volatile Thread pbxThread;

    public Pbx(PbxSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is required");
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "pbxsim-pbx");
            t.setDaemon(true);
            pbxThread = t;
            return t;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.devices = new Devices(this, settings.trunk(), settings.phones());
        this.engine = new DialplanEngine(Dialplan.parse(settings.dialplan()), new Applications(this), new EngineHost());
        this.originator = new Originator(this);
    }

    public PbxSettings settings() {
        return settings;
    }

    public Dialplan dialplan() {
        return engine.dialplan();
    }

    /** Runs the channels' dialplan; applications and call actions continue or redirect channels through it. */
    DialplanEngine engine() {
        return engine;
    }

    public Instant startedAt() {
        return startedAt;
    }

    Devices devices() {
        return devices;
    }

    Originator originator() {
        return originator;
    }

    /** Adds a listener that receives every event, on the PBX thread; it must return quickly. */
    public void addListener(Consumer<AmiEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is required"));
    }

    public void removeListener(Consumer<AmiEvent> listener) {
        listeners.remove(listener);
    }

    // ---------------------------------------------------------------- threading

    /** Runs the task on the PBX thread, after the tasks already queued. */
    public void execute(Runnable task) {
        if (executor.isShutdown()) {
            throw new IllegalStateException("the PBX is stopped");
        }
        executor.execute(guarded(task));
    }

    /** Runs the task on the PBX thread and waits for its result; runs it at once if already there. */
    public <T> T call(Callable<T> task) {
        if (isPbxThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the PBX is stopped", e);
        }
        try {
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the PBX", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PBX did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        }
    }

    boolean isPbxThread() {
        return Thread.currentThread() == pbxThread;
    }

    /** Runs the task on the PBX thread after {@code millis}; the returned future cancels it. */
    ScheduledFuture<?> schedule(Runnable task, long millis) {
        return executor.schedule(guarded(task), Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "PBX task failed", e);
            }
        };
    }

    /** Starts placing inbound calls as the profile says; the returned run reports progress and stops it. */
    public LoadGenerator startLoad(LoadProfile profile) {
        LoadGenerator load = new LoadGenerator(this, profile);
        load.start();
        return load;
    }

    /** Stops the PBX thread and forgets every channel; no events are raised for them. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channelsByName.clear();
        channelsByUniqueid.clear();
    }

    // ---------------------------------------------------------------- events

    /** Asterisk's one event counter for all manager sessions (an unsigned int that wraps). */
    private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();

    void emit(String name, EventCategory category, AmiMessage body) {
        AmiEvent event = new AmiEvent(name, category, body, settings.timestampEvents() ? nowMicros() : -1,
                settings.managerDebug() ? Integer.toUnsignedLong(sequence.getAndIncrement()) : -1);
        for (Consumer<AmiEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event listener failed on " + name, e);
            }
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** Emits an event whose body is the channel's snapshot followed by {@code extra} name/value pairs. */
    void channelEvent(String name, EventCategory category, Channel channel, Object... extra) {
        AmiMessage body = channel.snapshot();
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.add(String.valueOf(extra[i]), extra[i + 1]);
        }
        emit(name, category, body);
    }

    // ---------------------------------------------------------------- channels

    /** Channels that exist now, oldest first. */
    public List<Channel> channels() {
        List<Channel> list = new ArrayList<>(channelsByName.values());
        list.sort(Comparator.comparingLong(Channel::sequence));
        return list;
    }

    public Optional<Channel> channel(String name) {
        return Optional.ofNullable(channelsByName.get(name));
    }

    public Optional<Channel> channelByUniqueid(String uniqueid) {
        return Optional.ofNullable(channelsByUniqueid.get(uniqueid));
    }

    /** The first channel whose name starts with {@code prefix}, as {@code ast_channel_get_by_name_prefix}. */
    Optional<Channel> channelByPrefix(String prefix) {
        Channel exact = channelsByName.get(prefix);
        if (exact != null) {
            return Optional.of(exact);
        }
        return channels().stream().filter(c -> c.name().startsWith(prefix)).findFirst();
    }

    /** How many channels the PBX has created since it started (Asterisk's {@code CoreProcessedCalls}). */
    public long processedCalls() {
        return uniqueSequence.get();
    }

    public int channelCount() {
        return channelsByName.size();
    }

    /** The channels of one call (sharing a linkedid), oldest first. */
    public List<Channel> channelsOfCall(String linkedid) {
        List<Channel> list = new ArrayList<>();
        for (Channel c : channelsByName.values()) {
            if (c.linkedid.equals(linkedid)) {
                list.add(c);
            }
        }
        list.sort(Comparator.comparingLong(Channel::sequence));
        return list;
    }

    boolean uniqueidInUse(String uniqueid) {
        return channelsByUniqueid.containsKey(uniqueid);
    }

    /**
     * Allocates a channel on a device with Asterisk's naming, {@code PJSIP/<endpoint>-<8 hex digits>},
     * and unique id, {@code <epoch seconds>.<sequence>} unless one is assigned, and raises Newchannel.
     * A channel requested by another (Dial) shares the requestor's linkedid.
     */
    Channel newChannel(String device, ChannelState state, String context, String exten, String uniqueid,
                       Channel requestor, Consumer<Channel> setup) {
        return newNamedChannel(String.format(Locale.ROOT, "%s-%08x", device, channelIndex.getAndIncrement() & 0xffffffffL),
                device, state, context, exten, uniqueid, requestor, setup);
    }

    /**
     * A Local channel as {@code core_local.c} makes it: two halves,
     * {@code Local/<exten>@<context>-<8 hex digits>;1} (the one requested, with the given unique
     * id) and {@code ;2} (unique id the first's plus {@code ;2} when one was given), both with
     * the first's linkedid, each other's partner: whatever happens to one half's line (hang-up,
     * answer, ringing) reaches the other. Raises Newchannel for both, then {@code LocalBridge}.
     * The {@code ;2} half does not run its dialplan yet.
     */
    Channel[] newLocalChannel(String device, String context, String exten, String uniqueid, Channel requestor,
                              Consumer<Channel> setup) {
        String base = String.format(Locale.ROOT, "%s-%08x", device, channelIndex.getAndIncrement() & 0xffffffffL);
        Channel one = newNamedChannel(base + ";1", device, ChannelState.DOWN, context, exten, uniqueid, requestor, c -> {
            c.localHalf = 1;
            setup.accept(c);
        });
        String secondId = uniqueid != null && !uniqueid.isEmpty() ? uniqueid + ";2" : null;
        Channel two = newNamedChannel(base + ";2", device, ChannelState.DOWN, context, exten, secondId, one, c -> {
            c.localHalf = 2;
            c.localPartner = one;
        });
        one.localPartner = two;
        AmiMessage body = one.appendSnapshot(new AmiMessage(), "LocalOne");
        two.appendSnapshot(body, "LocalTwo");
        emit("LocalBridge", EventCategory.CALL, body.add("Context", context).add("Exten", exten)
                .add("LocalOptimization", "No"));
        return new Channel[] {one, two};
    }

    private Channel newNamedChannel(String name, String device, ChannelState state, String context, String exten,
                                    String uniqueid, Channel requestor, Consumer<Channel> setup) {
        long seq = uniqueSequence.getAndIncrement();
        String id = uniqueid != null && !uniqueid.isEmpty() ? uniqueid : (System.currentTimeMillis() / 1000) + "." + seq;
        Channel channel = new Channel(name, id, device, seq);
        channel.state = state;
        channel.context = context;
        channel.exten = exten;
        channel.priority = 1;
        channel.createdMillis = System.currentTimeMillis();
        if (requestor != null) {
            channel.linkTo(requestor.linkedid, requestor.sequenceOfLinkedid());
        }
        setup.accept(channel);
        channelsByName.put(name, channel);
        channelsByUniqueid.put(id, channel);
        channelEvent("Newchannel", EventCategory.CALL, channel);
        devices.channelStateChanged(channel, null, state);
        return channel;
    }

    /** Changes the state and raises Newstate, as Asterisk does on every state change. */
    void setState(Channel channel, ChannelState state) {
        if (channel.hungUp || channel.state == state) {
            return;
        }
        Channel one = channel.localHalf == 2 ? channel.localPartner : null;
        if (one != null && !one.hungUp && state == ChannelState.UP && one.state != ChannelState.UP) {
            // the ;2 half answers: the ;1 half is answered, and its Originate goes on (as the trace shows, first)
            setState(one, ChannelState.UP);
            Ringer.Outcome outcome = one.localOutcome;
            one.localOutcome = null;
            one.blocking = null;
            if (outcome != null) {
                outcome.answered();
            }
        }
        ChannelState from = channel.state;
        channel.state = state;
        if (state == ChannelState.UP && channel.answeredMillis == 0) {
            channel.answeredMillis = System.currentTimeMillis();
            scheduleFarEndHangup(channel);
        }
        channelEvent("Newstate", EventCategory.CALL, channel);
        devices.channelStateChanged(channel, from, state);
    }

    private void scheduleFarEndHangup(Channel channel) {
        Behaviour behaviour = channel.behaviour;
        if (behaviour != null && behaviour.hangupAfterMillis() > 0) {
            channel.farEndTimer = schedule(() -> farEndHangup(channel, HangupCause.NORMAL_CLEARING),
                    behaviour.hangupAfterMillis());
        }
    }

    /**
     * The far end (customer or phone) hangs up: Asterisk queues the hang-up on the channel
     * (HangupRequest with the cause), the application it is in stops, and the channel is hung up.
     */
    public void farEndHangup(Channel channel, int cause) {
        if (channel.hungUp) {
            return;
        }
        channelEvent("HangupRequest", EventCategory.CALL, channel, "Cause", cause);
        channel.hangupRequested = true;
        if (channel.hangupCause == 0) {
            channel.hangupCause = cause;
        }
        hangup(channel, cause);
    }

    /**
     * Hangs the channel up: interrupts the application it is blocked in (leaving its bridge,
     * stopping its music, cancelling its dial), raises Hangup with the cause, and forgets it.
     * A cause of 0 keeps the channel's own cause.
     */
    void hangup(Channel channel, int cause) {
        if (channel.hungUp) {
            return;
        }
        if (!channel.hangupRequested) {
            softHangupRequest(channel, cause > 0 ? cause : channel.hangupCause > 0 ? channel.hangupCause
                    : HangupCause.NORMAL_CLEARING);
        }
        channel.hungUp = true;
        if (cause > 0 && channel.hangupCause == 0) {
            channel.hangupCause = cause;
        }
        ScheduledFuture<?> timer = channel.farEndTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        Blocking blocking = channel.blocking;
        channel.blocking = null;
        if (blocking != null) {
            blocking.interrupt(true);
        }
        if (channel.bridge != null) {
            leaveBridge(channel, true);
        }
        channelsByName.remove(channel.name());
        channelsByUniqueid.remove(channel.uniqueid());
        channelEvent("Hangup", EventCategory.CALL, channel,
                "Cause", channel.hangupCause, "Cause-txt", HangupCause.text(channel.hangupCause));
        devices.channelStateChanged(channel, channel.state, null);
        Channel partner = channel.localPartner;
        if (partner != null && !partner.hungUp) {
            // a Local channel's halves live and die together
            if (partner.hangupCause <= 0) {
                partner.hangupCause = channel.hangupCause;
            }
            hangup(partner, 0);
        }
    }

    /**
     * Asterisk asks the channel to hang up ({@code ast_softhangup}): {@code SoftHangupRequest}
     * with the cause (a hang-up cause, or {@value #SOFT_HANGUP_SHUTDOWN} when Asterisk shuts
     * down), before the channel's {@code Hangup}, as every hang-up Asterisk itself starts.
     */
    private void softHangupRequest(Channel channel, int cause) {
        channel.hangupRequested = true;
        channelEvent("SoftHangupRequest", EventCategory.CALL, channel, "Cause", cause);
    }

    /** {@code AST_SOFTHANGUP_SHUTDOWN}: the SoftHangupRequest cause of every channel when Asterisk stops. */
    static final int SOFT_HANGUP_SHUTDOWN = 4;

    /**
     * {@code core stop now}: every channel is asked to hang up ({@code SoftHangupRequest} cause
     * {@value #SOFT_HANGUP_SHUTDOWN}) and hangs up, then {@code Event: Shutdown} is raised
     * ({@code Shutdown: Cleanly}, {@code Restart: False}). The AMI sessions close after it.
     */
    public void shutdown() {
        try {
            call(() -> {
                List<Channel> all = channels();
                for (Channel channel : all) {
                    softHangupRequest(channel, SOFT_HANGUP_SHUTDOWN);
                }
                for (Channel channel : all) {
                    hangup(channel, 0);
                }
                emit("Shutdown", EventCategory.SYSTEM, new AmiMessage().add("Shutdown", "Cleanly").add("Restart", "False"));
                return null;
            });
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "the PBX was stopped already", e);
        }
    }

    /**
     * Hangs a channel up on request (the Hangup action): with a cause above 0 it becomes the
     * channel's cause; otherwise the channel keeps its own, as {@code ast_channel_softhangup_withcause_locked}.
     */
    void requestHangup(Channel channel, int cause) {
        if (cause > 0) {
            channel.hangupCause = cause;
        }
        hangup(channel, 0);
    }

    // ---------------------------------------------------------------- bridges

    /** Creates a basic two-party bridge and raises BridgeCreate. */
    Bridge createBridge() {
        Bridge bridge = new Bridge(UUID.randomUUID().toString());
        emit("BridgeCreate", EventCategory.CALL, bridge.appendSnapshot(new AmiMessage()));
        return bridge;
    }

    /**
     * Puts a channel into a bridge (raising BridgeEnter), pulling it out of any bridge it is in.
     *
     * @param afterBridge what the channel does if the bridge is dissolved around it
     */
    void enterBridge(Bridge bridge, Channel channel, Consumer<Channel> afterBridge) {
        if (channel.bridge != null && channel.bridge != bridge) {
            leaveBridge(channel, false);
        }
        updateLinkedids(bridge, channel);
        bridge.channels().add(channel);
        channel.bridge = bridge;
        channel.afterBridge = afterBridge;
        AmiMessage body = bridge.appendSnapshot(new AmiMessage());
        channel.appendSnapshot(body, "");
        emit("BridgeEnter", EventCategory.CALL, body);
        if (bridge.channels().size() == 2) {
            Channel a = bridge.channels().get(0);
            Channel b = bridge.channels().get(1);
            updateConnectedLine(a, b.callerIdNum, b.callerIdName);
            updateConnectedLine(b, a.callerIdNum, a.callerIdName);
        }
    }

    /**
     * Makes the joining channel and those already bridged one call, as
     * {@code ast_bridge_channel_update_linkedids} does before BridgeEnter: all take the
     * linkedid of the oldest channel.
     */
    private void updateLinkedids(Bridge bridge, Channel joining) {
        Channel oldest = joining;
        for (Channel other : bridge.channels()) {
            if (other.sequenceOfLinkedid() < oldest.sequenceOfLinkedid()) {
                oldest = other;
            }
        }
        String linkedid = oldest.linkedid;
        long sequence = oldest.sequenceOfLinkedid();
        joining.linkTo(linkedid, sequence);
        for (Channel other : bridge.channels()) {
            other.linkTo(linkedid, sequence);
        }
    }

    private void updateConnectedLine(Channel channel, String num, String name) {
        if (Objects.equals(channel.connectedLineNum, num) && Objects.equals(channel.connectedLineName, name)) {
            return;
        }
        channel.connectedLineNum = num;
        channel.connectedLineName = name;
        channelEvent("NewConnectedLine", EventCategory.CALL, channel);
    }

    /**
     * Takes a channel out of its bridge (BridgeLeave). When it leaves by hanging up, the bridge
     * is dissolved, as a basic bridge is ({@code AST_BRIDGE_FLAG_DISSOLVE_HANGUP}): the other
     * channels leave with the same cause and carry on as their {@code afterBridge} says. A
     * channel left alone in the two-party bridge of {@code Bridge()} or {@code Dial()} leaves it
     * too and carries on, as Asterisk 22 does when the other is redirected out (its trace: the
     * {@code Bridge()} caller's dialplan goes on to {@code Hangup()} at once). An empty bridge is
     * destroyed (BridgeDestroy).
     *
     * <p>A channel that leaves without hanging up (redirected, pulled into another bridge) goes
     * on at once, and what the bridge does about it comes after, as on Asterisk 22 whose bridge
     * thread dissolves it while the channel already runs its new dialplan (trace 05:25:01.404:
     * the held customer's MusicOnHoldStart before BridgeDestroy; 05:25:13.922: the transfer
     * target's new bridge before the first agent, left alone, leaves the old one).
     */
    void leaveBridge(Channel channel, boolean hungUp) {
        Bridge bridge = channel.bridge;
        if (bridge == null) {
            return;
        }
        if (hungUp && channel.hangupCause <= 0) {
            channel.hangupCause = HangupCause.NORMAL_CLEARING;
        }
        removeFromBridge(bridge, channel);
        if (hungUp) {
            dissolve(bridge, channel.hangupCause);
        } else {
            execute(() -> {
                if (bridge.channels().size() <= 1) {
                    dissolve(bridge, 0);
                }
            });
        }
    }

    /** The channels still in the bridge leave it and carry on; the empty bridge is destroyed. */
    private void dissolve(Bridge bridge, int cause) {
        for (Channel other : List.copyOf(bridge.channels())) {
            removeFromBridge(bridge, other);
            if (cause > 0) {
                other.hangupCause = cause;
            }
            Consumer<Channel> after = other.afterBridge;
            other.afterBridge = null;
            other.blocking = null;
            if (after != null) {
                execute(() -> {
                    if (!other.hungUp) {
                        after.accept(other);
                    }
                });
            }
        }
        if (bridge.channels().isEmpty() && !bridge.isDestroyed()) {
            bridge.destroyed();
            emit("BridgeDestroy", EventCategory.CALL, bridge.appendSnapshot(new AmiMessage()));
        }
    }

    private void removeFromBridge(Bridge bridge, Channel channel) {
        bridge.channels().remove(channel);
        channel.bridge = null;
        AmiMessage body = bridge.appendSnapshot(new AmiMessage());
        channel.appendSnapshot(body, "");
        emit("BridgeLeave", EventCategory.CALL, body);
    }

    // ---------------------------------------------------------------- redirect

    /**
     * Sends channels elsewhere in the dialplan, as the Redirect action does with
     * {@code ast_async_goto}: each leaves the application or bridge it is in, then all continue
     * at their new places. Both channels of a dual redirect leave before either goes on, as
     * Asterisk's {@code AST_FLAG_BRIDGE_DUAL_REDIRECT_WAIT} arranges.
     */
    void redirect(List<Channel> channels, List<String[]> locations) {
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            Blocking blocking = channel.blocking;
            channel.blocking = null;
            if (blocking != null) {
                blocking.interrupt(false);
            }
            channel.afterBridge = null;
            // ast_explicit_goto first: the BridgeLeave that follows names the new place
            String[] location = locations.get(i);
            channel.context = location[0];
            channel.exten = location[1];
            channel.priority = Integer.parseInt(location[2]);
        }
        // the extra channel of a dual redirect leaves first, as Asterisk 22.10.1's trace shows
        for (int i = channels.size() - 1; i >= 0; i--) {
            Channel channel = channels.get(i);
            if (channel.bridge != null) {
                leaveBridge(channel, false);
            }
        }
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            String[] location = locations.get(i);
            engine.goTo(channel, location[0], location[1], Integer.parseInt(location[2]));
        }
    }

    // ---------------------------------------------------------------- calls from outside

    /**
     * A customer calls a service number over the trunk: a channel in state Ring enters the
     * inbound context at the dialled number.
     */
    public Channel inboundCall(String callerNumber, String callerName, String dialledNumber) {
        Objects.requireNonNull(callerNumber, "callerNumber is required");
        Objects.requireNonNull(dialledNumber, "dialledNumber is required");
        return call(() -> placeInboundCall(callerNumber, callerName, dialledNumber));
    }

    /** As {@link #inboundCall} but on the PBX thread without waiting. */
    Channel placeInboundCall(String callerNumber, String callerName, String dialledNumber) {
        return placeInboundCall(callerNumber, callerName, dialledNumber, devices.customerBehaviour(callerNumber));
    }

    /** Places an inbound call whose customer behaves as given; on the PBX thread. */
    Channel placeInboundCall(String callerNumber, String callerName, String dialledNumber, Behaviour behaviour) {
        Channel channel = newChannel("PJSIP/" + settings.trunk(), ChannelState.RING, settings.inboundContext(),
                dialledNumber, null, null, c -> {
                    c.callerIdNum = callerNumber;
                    c.callerIdName = callerName == null ? "" : callerName;
                    c.behaviour = behaviour;
                });
        engine.startDialplan(channel);
        return channel;
    }

    // ---------------------------------------------------------------- phones and customers

    /** Every endpoint (the trunk and the phones), by name. */
    public List<DeviceInfo> devices(boolean includeTrunk) {
        return call(() -> devices.all().stream().filter(d -> includeTrunk || !d.trunk()).toList());
    }

    public Optional<DeviceInfo> device(String name) {
        return call(() -> devices.find(name).map(devices::view));
    }

    /**
     * Changes a phone: its registration and/or its behaviour (null leaves either as it is). An
     * unknown {@code PJSIP/<endpoint>} becomes a new registered phone; other names are refused.
     */
    public DeviceInfo configurePhone(String name, Boolean registered, Behaviour behaviour) {
        if (!name.startsWith("PJSIP/") || name.length() <= "PJSIP/".length() || name.contains("@")) {
            throw new IllegalArgumentException("a phone is named PJSIP/<endpoint>, not " + name);
        }
        return call(() -> {
            Devices.Device device = devices.find(name).orElse(null);
            if (device != null && device.trunk) {
                throw new IllegalArgumentException(name + " is the trunk; script customers instead");
            }
            if (device == null) {
                device = devices.addPhone(name);
            }
            if (behaviour != null) {
                device.behaviour = behaviour;
            }
            if (registered != null) {
                devices.setRegistered(device, registered);
            }
            return devices.view(device);
        });
    }

    /** Scripts the customer with this number (null returns them to the default). */
    public void configureCustomer(String number, Behaviour behaviour) {
        call(() -> {
            devices.setCustomerBehaviour(number, behaviour);
            return null;
        });
    }

    /** What the customer with this number does. */
    public Behaviour customerBehaviour(String number) {
        return devices.customerBehaviour(number);
    }

    /** The customers that have their own script. */
    public Map<String, Behaviour> customers() {
        return devices.customers();
    }

    /** Hangs up a channel by name from outside the PBX, as the far end would. */
    public boolean farEndHangup(String channelName, int cause) {
        return call(() -> {
            Channel channel = channelsByName.get(channelName);
            if (channel == null) {
                return false;
            }
            farEndHangup(channel, cause);
            return true;
        });
    }

    /** What the dialplan engine may ask of the PBX, and no more. */
    private final class EngineHost implements DialplanEngine.Host {

        @Override
        public void emit(String name, EventCategory category, AmiMessage body) {
            Pbx.this.emit(name, category, body);
        }

        @Override
        public void channelEvent(String name, EventCategory category, Channel channel, Object... extra) {
            Pbx.this.channelEvent(name, category, channel, extra);
        }

        @Override
        public void hangup(Channel channel, int cause) {
            Pbx.this.hangup(channel, cause);
        }

        @Override
        public String deviceState(String device) {
            return devices.state(device);
        }
    }
}
