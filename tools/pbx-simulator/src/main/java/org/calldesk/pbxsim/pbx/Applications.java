package org.calldesk.pbxsim.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

import org.calldesk.pbxsim.ami.AmiMessage;
import org.calldesk.pbxsim.ami.EventCategory;

/**
 * The dialplan applications the simulator knows, each behaving as its Asterisk namesake:
 * NoOp, Answer, Ringing, Busy, Set, UserEvent, MusicOnHold, Wait, Playback, Hangup, Goto, Bridge
 * and Dial.
 *
 * <p>An application either finishes at once (the dialplan goes on at the next priority) or
 * blocks the channel: it then leaves a {@link Blocking} on the channel, or puts the channel in
 * a bridge, and continues the dialplan itself when it is done. Runs on the PBX thread.
 */
final class Applications {

    private static final Logger LOG = Logger.getLogger(Applications.class.getName());

    private final Pbx pbx;

    Applications(Pbx pbx) {
        this.pbx = pbx;
    }

    /**
     * Executes one application.
     *
     * @return true to go on at the next priority, false if the application blocked or hung up
     */
    boolean execute(Channel channel, String application, String data) {
        List<String> args = splitArgs(data);
        switch (application.toLowerCase(Locale.ROOT)) {
            case "noop":
                return true;
            case "answer":
                pbx.setState(channel, ChannelState.UP);
                return true;
            case "ringing":
                // indicates ringing to the caller: on a Local channel's ;2 half, the ;1 half rings
                pbx.setState(channel.localHalf == 2 && channel.localPartner != null ? channel.localPartner : channel,
                        ChannelState.RINGING);
                return true;
            case "busy":
                channel.hangupCause = HangupCause.USER_BUSY;
                pbx.hangup(channel, 0);
                return false;
            case "set":
                set(channel, data);
                return true;
            case "userevent":
                userEvent(channel, args);
                return true;
            case "musiconhold":
                musicOnHold(channel, args);
                return false;
            case "wait":
                waitFor(channel, Math.round(parseSeconds(arg(args, 0)) * 1000));
                return false;
            case "playback":
                pbx.setState(channel, ChannelState.UP);
                channel.variables().put("PLAYBACKSTATUS", "SUCCESS");
                waitFor(channel, pbx.settings().playbackMillis());
                return false;
            case "hangup":
                hangupApp(channel, arg(args, 0));
                return false;
            case "goto":
                return gotoApp(channel, args);
            case "bridge":
                return bridge(channel, arg(args, 0));
            case "dial":
                return dial(channel, args);
            default:
                LOG.warning(() -> "No application '" + application + "' for extension (" + channel.context + ", "
                        + channel.exten + ", " + channel.priority + ")");
                pbx.hangup(channel, HangupCause.NORMAL_CLEARING);
                return false;
        }
    }

    private static String arg(List<String> args, int index) {
        return index < args.size() ? args.get(index).trim() : "";
    }

    private void set(Channel channel, String data) {
        int eq = data.indexOf('=');
        if (eq > 0) {
            pbx.engine().setVariable(channel, data.substring(0, eq).trim(), data.substring(eq + 1));
        }
    }

    /** UserEvent(name,Key: value,...): the channel's snapshot, {@code UserEvent: name}, then the keys. */
    private void userEvent(Channel channel, List<String> args) {
        String name = arg(args, 0);
        if (name.isEmpty()) {
            return;
        }
        AmiMessage body = channel.snapshot().add("UserEvent", name);
        for (String extra : args.subList(1, args.size())) {
            int colon = extra.indexOf(':');
            if (colon > 0) {
                body.add(extra.substring(0, colon), extra.substring(colon + 1).trim());
            }
        }
        pbx.emit("UserEvent", EventCategory.USER, body);
    }

    /** MusicOnHold(class[,duration]): music until the duration ends, the channel leaves or hangs up. */
    private void musicOnHold(Channel channel, List<String> args) {
        String musicClass = arg(args, 0).isEmpty() ? "default" : arg(args, 0);
        pbx.channelEvent("MusicOnHoldStart", EventCategory.CALL, channel, "Class", musicClass);
        long seconds = DialplanEngine.parseInt(arg(args, 1), 0);
        ScheduledFuture<?> timer = seconds <= 0 ? null : pbx.schedule(() -> {
            pbx.channelEvent("MusicOnHoldStop", EventCategory.CALL, channel);
            pbx.engine().resume(channel);
        }, seconds * 1000);
        channel.blocking = hangup -> {
            if (timer != null) {
                timer.cancel(false);
            }
            pbx.channelEvent("MusicOnHoldStop", EventCategory.CALL, channel);
        };
    }

    /** Blocks the channel for a while, then continues the dialplan; a redirect or hang-up cancels the wait. */
    private void waitFor(Channel channel, long millis) {
        ScheduledFuture<?> timer = pbx.schedule(() -> pbx.engine().resume(channel), millis);
        channel.blocking = hangup -> timer.cancel(false);
    }

    /** Hangup([cause]): the given cause, else the channel's own, else 16 ({@code pbx_builtin_hangup}). */
    private void hangupApp(Channel channel, String cause) {
        int code = DialplanEngine.parseInt(cause, 0);
        if (code > 0) {
            channel.hangupCause = code;
        } else if (channel.hangupCause <= 0) {
            channel.hangupCause = HangupCause.NORMAL_CLEARING;
        }
        pbx.hangup(channel, 0);
    }

    /** Goto([[context,]exten,]priority). */
    private boolean gotoApp(Channel channel, List<String> args) {
        String context = channel.context;
        String exten = channel.exten;
        String priority;
        if (args.size() >= 3) {
            context = arg(args, 0);
            exten = arg(args, 1);
            priority = arg(args, 2);
        } else if (args.size() == 2) {
            exten = arg(args, 0);
            priority = arg(args, 1);
        } else {
            priority = arg(args, 0);
        }
        channel.context = context;
        channel.exten = exten;
        channel.priority = DialplanEngine.parseInt(priority, 1) - 1;
        return true;
    }

    /**
     * Bridge(channel): joins this channel with another in a new basic bridge, as
     * {@code features.c bridge_exec}. The other channel leaves whatever it was doing (music,
     * a wait) and, when the bridge is dissolved by a hang-up, goes on at its next priority;
     * this channel goes on at its own next priority. A missing peer sets
     * {@code BRIDGERESULT=NONEXISTENT} and the dialplan goes on; no peer at all hangs the
     * channel up, as {@code bridge_exec} returns -1 then.
     */
    private boolean bridge(Channel channel, String peerName) {
        if (peerName.isEmpty()) {
            // bridge_exec: "Bridge require at least 1 argument ...", returns -1: the channel hangs up
            LOG.fine(() -> "Bridge: no channel given on " + channel.name());
            if (channel.hangupCause <= 0) {
                channel.hangupCause = HangupCause.NORMAL_CLEARING;
            }
            pbx.hangup(channel, 0);
            return false;
        }
        Channel peer = pbx.channelByPrefix(peerName).orElse(null);
        if (peer == null || peer.hungUp) {
            LOG.fine(() -> "Bridge: channel " + peerName + " not found");
            pbx.engine().setVariable(channel, "BRIDGERESULT", "NONEXISTENT");
            return true;
        }
        if (peer == channel) {
            pbx.engine().setVariable(channel, "BRIDGERESULT", "LOOP");
            return true;
        }
        pbx.setState(channel, ChannelState.UP);
        // Asterisk 22 creates the bridge before the peer's music stops (BridgeCreate, MusicOnHoldStop, BridgeEnter)
        Bridge bridge = pbx.createBridge();
        Blocking peerBlocking = peer.blocking;
        peer.blocking = null;
        if (peerBlocking != null) {
            peerBlocking.interrupt(false);
        }
        String peerContext = peer.context;
        String peerExten = peer.exten;
        int peerPriority = peer.priority;
        pbx.enterBridge(bridge, peer, p -> pbx.engine().goTo(p, peerContext, peerExten, peerPriority + 1));
        pbx.enterBridge(bridge, channel, c -> {
            pbx.engine().setVariable(c, "BRIDGERESULT", "SUCCESS");
            pbx.engine().resume(c);
        });
        return false;
    }

    /**
     * Dial(tech/resource[&...][,timeout[,options]]): calls one destination (the first; a
     * {@code PJSIP/} endpoint or a {@code Local/<exten>@<context>} channel), with
     * app_dial's events: DialBegin, DialState RINGING, DialEnd ANSWER/BUSY/NOANSWER/CANCEL, and
     * {@code DIALSTATUS}. Answered, the two are bridged; when that call ends the dialplan ends
     * too (Dial returns -1 without the {@code g} option). Otherwise the dialplan goes on.
     */
    private boolean dial(Channel caller, List<String> args) {
        String destinations = arg(args, 0);
        String first = destinations.split("&")[0].trim();
        long timeoutMillis = Math.round(parseSeconds(arg(args, 1)) * 1000);
        Channel callee;
        Channel localTwo = null;
        String dialString;
        if (first.regionMatches(true, 0, "Local/", 0, 6)) {
            // Local/<exten>@<context>: two halves, the ;2 one runs the extension (core_local.c)
            String resource = first.substring("Local/".length()).split("/")[0];
            int at = resource.indexOf('@');
            String exten = at >= 0 ? resource.substring(0, at) : resource;
            String context = at >= 0 ? resource.substring(at + 1) : "default";
            if (exten.isEmpty() || !pbx.dialplan().exists(context, exten, 1)) {
                caller.hangupCause = HangupCause.NO_ROUTE_DESTINATION;
                pbx.engine().setVariable(caller, "DIALSTATUS", "CHANUNAVAIL");
                return true;
            }
            Channel[] halves = pbx.newLocalChannel("Local/" + exten + "@" + context, context, exten, null, caller, c -> {
                c.outgoing = true;
                c.callerIdNum = exten;
                c.connectedLineNum = caller.callerIdNum;
                c.connectedLineName = caller.callerIdName;
                c.variables().put("DIALEDPEERNUMBER", resource);
            });
            callee = halves[0];
            localTwo = halves[1];
            localTwo.callerIdNum = caller.callerIdNum;
            localTwo.callerIdName = caller.callerIdName;
            dialString = resource;
        } else {
            DialTarget target = DialTarget.resolve(pbx, first);
            if (target == null || target.failed()) {
                caller.hangupCause = target == null ? HangupCause.CHAN_NOT_IMPLEMENTED : target.failureCause();
                pbx.engine().setVariable(caller, "DIALSTATUS", "CHANUNAVAIL");
                return true;
            }
            callee = pbx.newChannel(target.device(), ChannelState.DOWN, target.context(), caller.exten, null,
                    caller, c -> {
                        c.outgoing = true;
                        c.callerIdNum = target.number();
                        c.connectedLineNum = caller.callerIdNum;
                        c.connectedLineName = caller.callerIdName;
                        c.behaviour = target.behaviour();
                        c.variables().put("DIALEDPEERNUMBER", target.resource());
                    });
            dialString = target.resource();
        }
        AmiMessage begin = caller.snapshot();
        callee.appendSnapshot(begin, "Dest");
        pbx.emit("DialBegin", EventCategory.CALL, begin.add("DialString", dialString));
        boolean[] ended = new boolean[1];
        caller.blocking = hangup -> {
            if (!ended[0]) {
                ended[0] = true;
                dialEvent("DialEnd", caller, callee, "CANCEL");
                callee.hangupCause = caller.hangupCause > 0 ? caller.hangupCause : HangupCause.NORMAL_CLEARING;
                pbx.hangup(callee, 0);
            }
        };
        Ringer.Outcome outcome = new Ringer.Outcome() {
            @Override
            public void answered() {
                ended[0] = true;
                caller.blocking = null;
                dialEvent("DialEnd", caller, callee, "ANSWER");
                caller.hangupCause = HangupCause.NORMAL_CLEARING;
                callee.hangupCause = HangupCause.NORMAL_CLEARING;
                pbx.engine().setVariable(caller, "DIALSTATUS", "ANSWER");
                Bridge bridge = pbx.createBridge();
                pbx.enterBridge(bridge, callee, c -> pbx.hangup(c, 0));
                pbx.enterBridge(bridge, caller, c -> pbx.hangup(c, 0));
            }

            @Override
            public void busy() {
                ended[0] = true;
                dialEvent("DialEnd", caller, callee, "BUSY");
                callee.hangupCause = HangupCause.USER_BUSY;
                pbx.hangup(callee, 0);
                caller.hangupCause = HangupCause.USER_BUSY;
                pbx.engine().setVariable(caller, "DIALSTATUS", "BUSY");
                pbx.engine().resume(caller);
            }

            @Override
            public void timedOut() {
                ended[0] = true;
                dialEvent("DialEnd", caller, callee, "NOANSWER");
                pbx.hangup(callee, 0);
                pbx.engine().setVariable(caller, "DIALSTATUS", "NOANSWER");
                pbx.engine().resume(caller);
            }

            @Override
            public void abandoned() {
                if (ended[0]) {
                    return;
                }
                ended[0] = true;
                int cause = callee.hangupCause;
                dialEvent("DialEnd", caller, callee, cause == HangupCause.USER_BUSY ? "BUSY" : "CANCEL");
                if (!caller.hungUp) {
                    caller.hangupCause = cause;
                    pbx.engine().setVariable(caller, "DIALSTATUS", "CANCEL");
                    pbx.engine().resume(caller);
                }
            }
        };
        if (localTwo != null) {
            Ringer.ringLocal(pbx, callee, localTwo, timeoutMillis, outcome);
        } else {
            Ringer.ring(pbx, callee, timeoutMillis, outcome);
        }
        if (callee.state == ChannelState.RINGING) {
            dialEvent("DialState", caller, callee, "RINGING");
        }
        return false;
    }

    private void dialEvent(String name, Channel caller, Channel callee, String status) {
        AmiMessage body = caller.snapshot();
        callee.appendSnapshot(body, "Dest");
        pbx.emit(name, EventCategory.CALL, body.add("DialStatus", status));
    }

    private static double parseSeconds(String text) {
        try {
            return text.isEmpty() ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Splits application arguments on commas outside quotes and parentheses, as {@code AST_STANDARD_APP_ARGS}. */
    private static List<String> splitArgs(String data) {
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
}
