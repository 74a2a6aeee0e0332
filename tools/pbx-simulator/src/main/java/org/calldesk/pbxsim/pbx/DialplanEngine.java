package org.calldesk.pbxsim.pbx;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.calldesk.pbxsim.ami.AmiMessage;
import org.calldesk.pbxsim.ami.EventCategory;

/**
 * The PBX loop of Asterisk's {@code pbx.c} over the parsed {@link Dialplan}: runs a channel's
 * priorities through the {@link Applications} until one blocks, goes on when it is done,
 * substitutes {@code ${...}} in their arguments, and keeps the channel and global variables.
 *
 * <p>What the dialplan does (CallDesk's contexts) is in the dialplan text; this class only
 * evaluates it. It asks the PBX for no more than {@link Host} says. Runs on the PBX thread.
 */
final class DialplanEngine {

    /** What the engine needs of the PBX: to raise events, to hang a channel up, to read a device's state. */
    interface Host {

        void emit(String name, EventCategory category, AmiMessage body);

        /** An event whose body is the channel's snapshot followed by {@code extra} name/value pairs. */
        void channelEvent(String name, EventCategory category, Channel channel, Object... extra);

        void hangup(Channel channel, int cause);

        /** {@code DEVICE_STATE(device)}. */
        String deviceState(String device);
    }

    private final Dialplan dialplan;
    private final Applications applications;
    private final Host host;
    private final Map<String, String> globals = new ConcurrentHashMap<>();

    DialplanEngine(Dialplan dialplan, Applications applications, Host host) {
        this.dialplan = Objects.requireNonNull(dialplan, "dialplan is required");
        this.applications = Objects.requireNonNull(applications, "applications is required");
        this.host = Objects.requireNonNull(host, "host is required");
    }

    /** The parsed dialplan this engine runs. */
    Dialplan dialplan() {
        return dialplan;
    }

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
        if (channel.singleApplication) {
            host.hangup(channel, HangupCause.NORMAL_CLEARING);
            return;
        }
        channel.priority++;
        runDialplan(channel);
    }

    /**
     * Runs priorities until an application blocks or the channel hangs up. A missing priority
     * ends the dialplan and hangs the channel up, as Asterisk's PBX loop does.
     */
    void runDialplan(Channel channel) {
        while (!channel.hungUp && channel.blocking == null && channel.bridge == null) {
            Optional<Dialplan.Step> step = dialplan.find(channel.context, channel.exten, channel.priority);
            if (step.isEmpty()) {
                host.hangup(channel, HangupCause.NORMAL_CLEARING);
                return;
            }
            String data = substitute(step.get().data(), channel);
            channel.application = step.get().application();
            channel.appData = data;
            host.channelEvent("Newexten", EventCategory.DIALPLAN, channel,
                    "Extension", channel.exten, "Application", channel.application, "AppData", data);
            if (!applications.execute(channel, channel.application, data)) {
                return;
            }
            channel.priority++;
        }
    }

    /** Continues the channel's dialplan at a new place ({@code ast_explicit_goto} and run). */
    void goTo(Channel channel, String context, String exten, int priority) {
        if (channel.hungUp) {
            return;
        }
        channel.context = context;
        channel.exten = exten;
        channel.priority = priority;
        channel.inDialplan = true;
        channel.singleApplication = false;
        runDialplan(channel);
    }

    /** Runs one application on an answered channel and hangs it up afterwards ({@code pbx_exec} then {@code ast_hangup}). */
    void runSingleApplication(Channel channel, String application, String data) {
        channel.singleApplication = true;
        String substituted = substitute(data, channel);
        channel.application = application;
        channel.appData = substituted;
        if (applications.execute(channel, application, substituted)) {
            host.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
    }

    /** Sets a channel variable (or a global one when {@code channel} is null) or writes a dialplan function. */
    void setVariable(Channel channel, String name, String value) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (channel != null && (upper.equals("CALLERID(NUM)") || upper.equals("CALLERID(NAME)"))) {
            if (upper.endsWith("(NUM)")) {
                channel.callerIdNum = value;
            } else {
                channel.callerIdName = value;
            }
            host.channelEvent("NewCallerid", EventCategory.CALL, channel,
                    "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
            return;
        }
        if (channel == null) {
            globals.put(name, value);
            host.emit("VarSet", EventCategory.DIALPLAN, new AmiMessage().add("Channel", "none").add("Uniqueid", "none")
                    .add("Variable", name).add("Value", value));
            return;
        }
        channel.variables().put(name, value);
        host.channelEvent("VarSet", EventCategory.DIALPLAN, channel, "Variable", name, "Value", value);
    }

    // ---------------------------------------------------------------- variables

    /**
     * Substitutes {@code ${...}} expressions as Asterisk's {@code pbx_substitute_variables}:
     * channel and global variables, {@code EXTEN}, {@code CONTEXT}, {@code PRIORITY},
     * {@code CHANNEL}, {@code UNIQUEID}, {@code CALLERID(num|name)}, {@code DEVICE_STATE(device)}
     * and the {@code ${VAR:offset:length}} substring form. Unknown names are empty.
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
        String trimmed = name.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DEVICE_STATE(") && upper.endsWith(")")) {
            return host.deviceState(trimmed.substring("DEVICE_STATE(".length(), trimmed.length() - 1).trim());
        }
        if (channel == null) {
            return globals.getOrDefault(trimmed, "");
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
            case "HANGUPCAUSE":
                return String.valueOf(channel.hangupCause);
            default:
                String value = channel.variables().get(trimmed);
                return value != null ? value : globals.getOrDefault(trimmed, "");
        }
    }

    // ---------------------------------------------------------------- helpers

    static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }
}
