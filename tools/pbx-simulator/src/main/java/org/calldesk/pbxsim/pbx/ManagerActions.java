package org.calldesk.pbxsim.pbx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

import org.calldesk.pbxsim.ami.ActionHandler;
import org.calldesk.pbxsim.ami.AmiEvent;
import org.calldesk.pbxsim.ami.AmiMessage;
import org.calldesk.pbxsim.ami.AmiSession;
import org.calldesk.pbxsim.ami.AsteriskIdentity;
import org.calldesk.pbxsim.ami.EventCategory;

/**
 * The manager actions: what each AMI action does and how Asterisk answers it.
 *
 * <p>This is the simulator's {@code manager.c}: authentication (plain and MD5 challenge),
 * the session rules (nothing but Login, Challenge and Logoff before logging in; a refused
 * Login is answered after a delay and the connection closed; each action needs its write
 * class), and the actions themselves with Asterisk's header names and messages. Every action
 * runs on the PBX thread, in the order the client sent it, so a response is always queued
 * before the events the action causes.
 */
public final class ManagerActions implements ActionHandler {

    private static final Logger LOG = Logger.getLogger(ManagerActions.class.getName());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final int MAX_IN_FLIGHT = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** One registered action: the write class it needs (0 for none) and its implementation. */
    private record Action(int authority, BiConsumer<AmiSession, AmiMessage> handler) {
    }

    private final Pbx pbx;
    private final PbxSettings settings;
    private final Map<String, Action> actions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    public ManagerActions(Pbx pbx) {
        this.pbx = Objects.requireNonNull(pbx, "pbx is required");
        this.settings = pbx.settings();
        register("Login", 0, this::login);
        register("Challenge", 0, this::challenge);
        register("Logoff", 0, this::logoff);
        register("Ping", 0, this::ping);
        register("Events", 0, this::events);
        register("CoreSettings", EventCategory.SYSTEM.flag() | EventCategory.REPORTING.flag(), this::coreSettings);
        register("CoreStatus", EventCategory.SYSTEM.flag() | EventCategory.REPORTING.flag(), this::coreStatus);
        register("Command", EventCategory.COMMAND.flag(), this::command);
        new CallActions(pbx).registerWith(this);
    }

    /** Adds an action; names are matched ignoring case, as Asterisk does. */
    void register(String name, int authority, BiConsumer<AmiSession, AmiMessage> handler) {
        actions.put(name.toLowerCase(Locale.ROOT), new Action(authority, handler));
    }

    /**
     * Queues the action for the PBX thread. At most {@value #MAX_IN_FLIGHT} actions of all
     * sessions wait there at once; beyond that the reader thread waits, so a client that
     * floods the PBX is slowed down by TCP instead of filling memory.
     */
    @Override
    public void onAction(AmiSession session, AmiMessage action) {
        try {
            while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (session.isClosing()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            pbx.execute(() -> {
                try {
                    dispatch(session, action);
                } finally {
                    inFlight.release();
                }
            });
        } catch (IllegalStateException | RejectedExecutionException e) {
            inFlight.release();
            session.close();
        }
    }

    private void dispatch(AmiSession session, AmiMessage message) {
        if (session.isClosing()) {
            return;
        }
        String name = message.get("Action").trim();
        if (name.isEmpty()) {
            session.send(error(message, "Missing action in request"));
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (!session.isAuthenticated() && !key.equals("login") && !key.equals("logoff") && !key.equals("challenge")) {
            session.send(error(message, "Permission denied"));
            return;
        }
        Action action = actions.get(key);
        if (action == null) {
            session.send(error(message, "Invalid/unknown command: " + name
                    + ". Use Action: ListCommands to show available commands."));
            return;
        }
        if (action.authority() != 0 && (session.writePermissions() & action.authority()) == 0) {
            session.send(error(message, "Permission denied"));
            return;
        }
        action.handler().accept(session, message);
    }

    // ---------------------------------------------------------------- responses

    /** {@code Response: <response>}, the ActionID if the action had one, then {@code Message}. */
    static AmiMessage response(AmiMessage action, String response, String message) {
        AmiMessage out = start(action, response);
        if (message != null) {
            out.add("Message", message);
        }
        return out;
    }

    /** The start of a response: {@code Response} and the ActionID, for actions that add their own headers. */
    static AmiMessage start(AmiMessage action, String response) {
        AmiMessage out = new AmiMessage().add("Response", response);
        String id = action.get("ActionID");
        if (!id.isEmpty()) {
            out.add("ActionID", id);
        }
        return out;
    }

    static AmiMessage success(AmiMessage action, String message) {
        return response(action, "Success", message);
    }

    static AmiMessage error(AmiMessage action, String message) {
        return response(action, "Error", message);
    }

    // ---------------------------------------------------------------- session actions

    private void login(AmiSession session, AmiMessage action) {
        if (session.isAuthenticated()) {
            session.send(success(action, "Already authenticated"));
            return;
        }
        if (!credentialsMatch(session, action)) {
            LOG.info(() -> "AMI login refused for user '" + action.get("Username") + "' from " + session.remoteAddress());
            session.stopReading();
            String refusal = error(action, "Authentication failed").toWire();
            Duration delay = settings.authFailureDelay();
            pbx.schedule(() -> session.sendThenClose(refusal), delay.toMillis());
            return;
        }
        session.authenticate(settings.username(), settings.readPermissions(), settings.writePermissions());
        session.eventFilter(settings.eventFilter());
        int mask = EventCategory.parseMask(action.get("Events"));
        if (mask >= 0) {
            session.eventMask(mask);
        }
        session.send(success(action, "Authentication accepted"));
        int system = EventCategory.SYSTEM.flag();
        if ((session.eventMask() & system) != 0 && (settings.readPermissions() & system) != 0) {
            long uptime = Duration.between(pbx.startedAt(), java.time.Instant.now()).getSeconds();
            session.send(new AmiEvent("FullyBooted", EventCategory.SYSTEM, new AmiMessage()
                    .add("Uptime", uptime)
                    .add("LastReload", uptime)
                    .add("Status", "Fully Booted")).toWire());
        }
    }

    private boolean credentialsMatch(AmiSession session, AmiMessage action) {
        if (!settings.username().equals(action.get("Username"))) {
            return false;
        }
        if (action.get("AuthType").equalsIgnoreCase("MD5")) {
            String challenge = session.challenge();
            return !challenge.isEmpty() && md5Hex(challenge + settings.secret()).equals(action.get("Key"));
        }
        return MessageDigest.isEqual(settings.secret().getBytes(StandardCharsets.UTF_8),
                action.get("Secret").getBytes(StandardCharsets.UTF_8));
    }

    private void challenge(AmiSession session, AmiMessage action) {
        if (!action.get("AuthType").equalsIgnoreCase("MD5")) {
            session.send(error(action, "Must specify AuthType"));
            return;
        }
        if (session.challenge().isEmpty()) {
            session.challenge(String.valueOf(random.nextInt(Integer.MAX_VALUE)));
        }
        session.send(start(action, "Success").add("Challenge", session.challenge()));
    }

    private void logoff(AmiSession session, AmiMessage action) {
        session.sendThenClose(response(action, "Goodbye", "Thanks for all the fish.").toWire());
    }

    private void ping(AmiSession session, AmiMessage action) {
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        session.send(start(action, "Success")
                .add("Ping", "Pong")
                .add("Timestamp", String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000)));
    }

    private void events(AmiSession session, AmiMessage action) {
        int mask = EventCategory.parseMask(action.get("EventMask"));
        if (mask < 0) {
            session.send(error(action, "Invalid event mask"));
            return;
        }
        session.eventMask(mask);
        session.send(start(action, "Success").add("Events", mask > 0 ? "On" : "Off"));
    }

    private void coreSettings(AmiSession session, AmiMessage action) {
        session.send(start(action, "Success")
                .add("AMIversion", AsteriskIdentity.AMI_VERSION)
                .add("AsteriskVersion", AsteriskIdentity.ASTERISK_VERSION)
                .add("SystemName", AsteriskIdentity.SYSTEM_NAME)
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "asterisk")
                .add("CoreRunGroup", "asterisk")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "No")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No"));
    }

    private void coreStatus(AmiSession session, AmiMessage action) {
        LocalDateTime started = LocalDateTime.ofInstant(pbx.startedAt(), ZoneId.systemDefault());
        session.send(start(action, "Success")
                .add("CoreStartupDate", DATE.format(started))
                .add("CoreStartupTime", TIME.format(started))
                .add("CoreReloadDate", DATE.format(started))
                .add("CoreReloadTime", TIME.format(started))
                .add("CoreCurrentCalls", pbx.channelCount())
                .add("CoreProcessedCalls", pbx.processedCalls()));
    }

    private void command(AmiSession session, AmiMessage action) {
        String command = action.get("Command").trim();
        if (command.isEmpty()) {
            session.send(error(action, "No command provided"));
            return;
        }
        String normalized = command.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (normalized.equals("core show version")) {
            session.send(start(action, "Success")
                    .add("Message", "Command output follows")
                    .add("Output", "Asterisk " + AsteriskIdentity.ASTERISK_VERSION
                            + " built by calldesk @ pbx-simulator on a x86_64 running Linux"));
            return;
        }
        session.send(start(action, "Error")
                .add("Message", "Command output follows")
                .add("Output", "No such command '" + command + "' (type 'core show help " + command
                        + "' for other possible commands)"));
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
