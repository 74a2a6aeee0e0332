package org.calldesk.pbxsim.pbx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * The simulated Asterisk core: channels, bridges, devices and the dialplan engine, raising the
 * AMI events Asterisk raises for each change.
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
    private final Dialplan dialplan;
    private final ScheduledThreadPoolExecutor executor;
    private final List<Consumer<AmiEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Channel> channelsByName = new ConcurrentHashMap<>();
    private final Map<String, Channel> channelsByUniqueid = new ConcurrentHashMap<>();
    private final AtomicLong uniqueSequence = new AtomicLong();
    private final AtomicLong channelIndex = new AtomicLong();
    private final Instant startedAt = Instant.now();
    private volatile Thread pbxThread;

    public Pbx(PbxSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is required");
        this.dialplan = Dialplan.parse(settings.dialplan());
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "pbxsim-pbx");
            t.setDaemon(true);
            pbxThread = t;
            return t;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public PbxSettings settings() {
        return settings;
    }

    public Dialplan dialplan() {
        return dialplan;
    }

    public Instant startedAt() {
        return startedAt;
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
        executor.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
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

    /** Hangs up every channel (no events are delivered any more) and stops the PBX thread. */
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

    void emit(String name, EventCategory category, AmiMessage body) {
        AmiEvent event = new AmiEvent(name, category, body);
        for (Consumer<AmiEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event listener failed on " + name, e);
            }
        }
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

    /** Channels that are up or ringing now, oldest first. */
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

    public int channelCount() {
        return channelsByName.size();
    }

    /** Changes the state and raises Newstate, as Asterisk does on every state change. */
    void setState(Channel channel, ChannelState state) {
        if (channel.hungUp || channel.state == state) {
            return;
        }
        channel.state = state;
        if (state == ChannelState.UP && channel.answeredMillis == 0) {
            channel.answeredMillis = System.currentTimeMillis();
            scheduleFarEndHangup(channel);
        }
        channelEvent("Newstate", EventCategory.CALL, channel);
    }

    private void scheduleFarEndHangup(Channel channel) {
        Behaviour behaviour = channel.behaviour;
        if (behaviour != null && behaviour.hangupAfterMillis() > 0) {
            schedule(() -> farEndHangup(channel, HangupCause.NORMAL_CLEARING), behaviour.hangupAfterMillis());
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
        hangup(channel, cause);
    }

    /**
     * Hangs the channel up: interrupts the application it is blocked in, raises Hangup with the
     * cause, and forgets it.
     */
    void hangup(Channel channel, int cause) {
        if (channel.hungUp) {
            return;
        }
        channel.hungUp = true;
        if (channel.hangupCause == 0) {
            channel.hangupCause = cause;
        }
        Blocking blocking = channel.blocking;
        channel.blocking = null;
        if (blocking != null) {
            blocking.interrupt(true);
        }
        channelsByName.remove(channel.name());
        channelsByUniqueid.remove(channel.uniqueid());
        channelEvent("Hangup", EventCategory.CALL, channel,
                "Cause", channel.hangupCause, "Cause-txt", HangupCause.text(channel.hangupCause));
    }

    // ---------------------------------------------------------------- calls from outside

    /**
     * A customer calls a service number over the trunk: a channel in state Ring enters the
     * inbound context at the dialled number.
     */
    public Channel inboundCall(String callerNumber, String callerName, String dialledNumber, Behaviour behaviour) {
        Objects.requireNonNull(callerNumber, "callerNumber is required");
        Objects.requireNonNull(dialledNumber, "dialledNumber is required");
        return call(() -> {
            String device = "PJSIP/" + settings.trunk();
            Channel channel = newChannel(device, ChannelState.RING, settings.inboundContext(), dialledNumber, null,
                    c -> {
                        c.callerIdNum = callerNumber;
                        c.callerIdName = callerName == null ? "" : callerName;
                        c.behaviour = behaviour;
                    });
            startDialplan(channel);
            return channel;
        });
    }

    /**
     * Allocates a channel on a device with Asterisk's naming, {@code PJSIP/<endpoint>-<8 hex digits>},
     * and unique id, {@code <epoch seconds>.<sequence>}, and raises Newchannel.
     */
    Channel newChannel(String device, ChannelState state, String context, String exten, String linkedid,
                       Consumer<Channel> setup) {
        long seq = uniqueSequence.getAndIncrement();
        String uniqueid = (System.currentTimeMillis() / 1000) + "." + seq;
        String name = String.format(Locale.ROOT, "%s-%08x", device, channelIndex.getAndIncrement() & 0xffffffffL);
        Channel channel = new Channel(name, uniqueid, device, seq);
        channel.state = state;
        channel.context = context;
        channel.exten = exten;
        channel.priority = 1;
        channel.createdMillis = System.currentTimeMillis();
        if (linkedid != null) {
            channel.linkedid = linkedid;
        }
        setup.accept(channel);
        channelsByName.put(name, channel);
        channelsByUniqueid.put(uniqueid, channel);
        channelEvent("Newchannel", EventCategory.CALL, channel);
        return channel;
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

    // ---------------------------------------------------------------- dialplan engine

    /** Starts the PBX on the channel at its context, exten and priority ({@code ast_pbx_start}). */
    void startDialplan(Channel channel) {
        channel.inDialplan = true;
        runDialplan(channel);
    }

    /** Continues at the next priority after a blocking application finished. */
    void resume(Channel channel) {
        if (channel.hungUp) {
            return;
        }
        channel.blocking = null;
        channel.priority++;
        runDialplan(channel);
    }

    /**
     * Runs priorities until an application blocks or the channel hangs up. A missing priority
     * ends the dialplan and hangs the channel up, as Asterisk's PBX loop does.
     */
    void runDialplan(Channel channel) {
        while (!channel.hungUp && channel.blocking == null) {
            Optional<Dialplan.Step> step = dialplan.find(channel.context, channel.exten, channel.priority);
            if (step.isEmpty()) {
                hangup(channel, HangupCause.NORMAL_CLEARING);
                return;
            }
            String data = substitute(step.get().data(), channel);
            channel.application = step.get().application();
            channel.appData = data;
            channelEvent("Newexten", EventCategory.DIALPLAN, channel,
                    "Extension", channel.exten, "Application", channel.application, "AppData", data);
            if (!execute(channel, channel.application, data)) {
                return;
            }
            channel.priority++;
        }
    }

    /**
     * Executes one application.
     *
     * @return true to go on at the next priority, false if the application blocked or hung up
     */
    private boolean execute(Channel channel, String application, String data) {
        List<String> args = splitArgs(data);
        switch (application.toLowerCase(Locale.ROOT)) {
            case "noop":
                return true;
            case "answer":
                setState(channel, ChannelState.UP);
                return true;
            case "set":
                return set(channel, data);
            case "userevent":
                userEvent(channel, args);
                return true;
            case "musiconhold":
                musicOnHold(channel, args);
                return false;
            case "wait":
                waitApp(channel, args);
                return false;
            case "playback":
                playback(channel, args);
                return false;
            case "hangup":
                hangup(channel, args.isEmpty() || args.get(0).isBlank() ? HangupCause.NORMAL_CLEARING : parseInt(args.get(0), 16));
                return false;
            default:
                LOG.warning(() -> "No application '" + application + "' for extension (" + channel.context + ", "
                        + channel.exten + ", " + channel.priority + ")");
                hangup(channel, HangupCause.NORMAL_CLEARING);
                return false;
        }
    }

    private boolean set(Channel channel, String data) {
        int eq = data.indexOf('=');
        if (eq <= 0) {
            return true;
        }
        String name = data.substring(0, eq).trim();
        String value = data.substring(eq + 1);
        setVariable(channel, name, value);
        return true;
    }

    /** Sets a channel variable or writes a dialplan function, as Set() and the Setvar action do. */
    void setVariable(Channel channel, String name, String value) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("CALLERID(NUM)")) {
            channel.callerIdNum = value;
            channelEvent("NewCallerid", EventCategory.CALL, channel,
                    "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
            return;
        }
        if (upper.equals("CALLERID(NAME)")) {
            channel.callerIdName = value;
            channelEvent("NewCallerid", EventCategory.CALL, channel,
                    "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
            return;
        }
        channel.variables().put(name, value);
        channelEvent("VarSet", EventCategory.DIALPLAN, channel, "Variable", name, "Value", value);
    }

    private void userEvent(Channel channel, List<String> args) {
        if (args.isEmpty() || args.get(0).isBlank()) {
            return;
        }
        AmiMessage body = channel.snapshot().add("UserEvent", args.get(0));
        for (String extra : args.subList(1, args.size())) {
            int colon = extra.indexOf(':');
            if (colon > 0) {
                body.add(extra.substring(0, colon), extra.substring(colon + 1).trim());
            }
        }
        emit("UserEvent", EventCategory.USER, body);
    }

    private void musicOnHold(Channel channel, List<String> args) {
        String musicClass = args.isEmpty() || args.get(0).isBlank() ? "default" : args.get(0);
        channelEvent("MusicOnHoldStart", EventCategory.CALL, channel, "Class", musicClass);
        ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
        channel.blocking = hangup -> {
            if (timer[0] != null) {
                timer[0].cancel(false);
            }
            channelEvent("MusicOnHoldStop", EventCategory.CALL, channel);
        };
        int seconds = args.size() > 1 ? parseInt(args.get(1), 0) : 0;
        if (seconds > 0) {
            timer[0] = schedule(() -> {
                channelEvent("MusicOnHoldStop", EventCategory.CALL, channel);
                resume(channel);
            }, seconds * 1000L);
        }
    }

    private void waitApp(Channel channel, List<String> args) {
        double seconds = args.isEmpty() ? 0 : parseDouble(args.get(0));
        block(channel, Math.round(seconds * 1000));
    }

    private void playback(Channel channel, List<String> args) {
        if (channel.state != ChannelState.UP) {
            setState(channel, ChannelState.UP);
        }
        channel.variables().put("PLAYBACKSTATUS", "SUCCESS");
        block(channel, settings.playbackMillis());
    }

    /** Blocks the channel for a while, then continues the dialplan; a redirect or hang-up cancels the wait. */
    private void block(Channel channel, long millis) {
        ScheduledFuture<?> timer = schedule(() -> resume(channel), millis);
        channel.blocking = hangup -> timer.cancel(false);
    }

    // ---------------------------------------------------------------- variables

    /**
     * Substitutes {@code ${...}} expressions as Asterisk's {@code pbx_substitute_variables}:
     * channel variables, {@code EXTEN}, {@code CONTEXT}, {@code PRIORITY}, {@code CHANNEL},
     * {@code UNIQUEID}, {@code CALLERID(num|name)}, {@code DEVICE_STATE(device)} and the
     * {@code ${VAR:offset:length}} substring form. Unknown names are empty.
     */
    String substitute(String text, Channel channel) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int depth = 1;
            int j = start + 2;
            while (j < text.length() && depth > 0) {
                if (text.startsWith("${", j)) {
                    depth++;
                    j += 2;
                    continue;
                }
                if (text.charAt(j) == '}') {
                    depth--;
                }
                j++;
            }
            if (depth > 0) {
                out.append(text, start, text.length());
                break;
            }
            String expression = substitute(text.substring(start + 2, j - 1), channel);
            out.append(evaluate(expression, channel));
            i = j;
        }
        return out.toString();
    }

    private String evaluate(String expression, Channel channel) {
        String name = expression;
        Integer offset = null;
        Integer length = null;
        if (!expression.contains("(")) {
            String[] parts = expression.split(":", 3);
            name = parts[0];
            if (parts.length > 1) {
                offset = parseInt(parts[1], 0);
            }
            if (parts.length > 2) {
                length = parseInt(parts[2], Integer.MAX_VALUE);
            }
        }
        String value = readVariable(channel, name);
        if (offset == null) {
            return value;
        }
        int from = offset < 0 ? Math.max(0, value.length() + offset) : Math.min(offset, value.length());
        int to = length == null || length == Integer.MAX_VALUE ? value.length()
                : length < 0 ? Math.max(from, value.length() + length) : Math.min(value.length(), from + length);
        return value.substring(from, to);
    }

    /** Reads a variable or dialplan function the way Getvar and ${...} do; {@code ""} if unknown. */
    String readVariable(Channel channel, String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.startsWith("DEVICE_STATE(") && upper.endsWith(")")) {
            return deviceState(name.trim().substring("DEVICE_STATE(".length(), name.trim().length() - 1));
        }
        if (channel == null) {
            return "";
        }
        switch (upper) {
            case "EXTEN":
                return channel.exten;
            case "CONTEXT":
                return channel.context;
            case "PRIORITY":
                return String.valueOf(channel.priority);
            case "CHANNEL":
            case "CHANNEL(NAME)":
                return channel.name();
            case "UNIQUEID":
                return channel.uniqueid();
            case "CALLERID(NUM)":
                return channel.callerIdNum;
            case "CALLERID(NAME)":
                return channel.callerIdName;
            case "CHANNEL(LINKEDID)":
                return channel.linkedid;
            case "CHANNEL(STATE)":
                return channel.state.description();
            default:
                String value = channel.variables().get(name.trim());
                return value == null ? "" : value;
        }
    }

    /** The state of a device as {@code DEVICE_STATE()} reports it; refined by the device model. */
    String deviceState(String device) {
        return "UNKNOWN";
    }

    // ---------------------------------------------------------------- helpers

    /** Splits application arguments on commas outside quotes and parentheses, as {@code AST_STANDARD_APP_ARGS}. */
    static List<String> splitArgs(String data) {
        List<String> args = new ArrayList<>();
        if (data == null || data.isEmpty()) {
            return args;
        }
        StringBuilder current = new StringBuilder();
        int parens = 0;
        boolean quoted = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            if (!quoted && c == '(') {
                parens++;
            } else if (!quoted && c == ')' && parens > 0) {
                parens--;
            } else if (!quoted && parens == 0 && c == ',') {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        args.add(current.toString());
        return args;
    }

    static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
