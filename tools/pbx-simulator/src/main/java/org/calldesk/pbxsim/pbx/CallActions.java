package org.calldesk.pbxsim.pbx;

import static org.calldesk.pbxsim.pbx.ManagerActions.error;
import static org.calldesk.pbxsim.pbx.ManagerActions.start;
import static org.calldesk.pbxsim.pbx.ManagerActions.success;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.calldesk.pbxsim.ami.AmiMessage;
import org.calldesk.pbxsim.ami.AmiSession;
import org.calldesk.pbxsim.ami.EventCategory;

/**
 * The call-control actions, with Asterisk's checks, messages and list formats: Originate,
 * Redirect, Hangup, Setvar, Getvar, Status, CoreShowChannels, DeviceStateList, Bridge,
 * BlindTransfer and Atxfer.
 *
 * <p>Each mirrors its handler in Asterisk 18's {@code manager.c} (or
 * {@code res_manager_devicestate.c}): the same refusal messages in the same order of checks,
 * the same {@code EventList} framing for lists, list events written only to the session that
 * asked. Runs on the PBX thread.
 */
final class CallActions {

    /** Asterisk's {@code AST_MAX_PUBLIC_UNIQUEID}. */
    private static final int MAX_PUBLIC_UNIQUEID = 149;
    private static final int DEFAULT_ORIGINATE_TIMEOUT = 30000;

    private final Pbx pbx;

    CallActions(Pbx pbx) {
        this.pbx = pbx;
    }

    void registerWith(ManagerActions actions) {
        int call = EventCategory.CALL.flag();
        int system = EventCategory.SYSTEM.flag();
        int reporting = EventCategory.REPORTING.flag();
        actions.register("Originate", EventCategory.ORIGINATE.flag(), this::originate);
        actions.register("Redirect", call, this::redirect);
        actions.register("Hangup", system | call, this::hangup);
        actions.register("Setvar", call, this::setvar);
        actions.register("Getvar", call | reporting, this::getvar);
        actions.register("Status", system | call | reporting, this::status);
        actions.register("CoreShowChannels", system | reporting, this::coreShowChannels);
        actions.register("DeviceStateList", call | reporting, this::deviceStateList);
        actions.register("Bridge", call, this::bridge);
        actions.register("BlindTransfer", call, this::blindTransfer);
        actions.register("Atxfer", call, this::atxfer);
    }

    // ---------------------------------------------------------------- Bridge, BlindTransfer, Atxfer

    /**
     * {@code Bridge} (features.c {@code action_bridge}): both channels leave what they do (an
     * application, another bridge), are answered if not up, and share a new basic bridge; when it
     * dissolves each goes on after the place it was at. Channels are found by name prefix.
     */
    private void bridge(AmiSession session, AmiMessage action) {
        String name1 = action.get("Channel1");
        String name2 = action.get("Channel2");
        if (name1.isEmpty() || name2.isEmpty()) {
            session.send(error(action, "Missing channel parameter in request"));
            return;
        }
        Channel channel1 = pbx.channelByPrefix(name1).filter(c -> !c.hungUp).orElse(null);
        if (channel1 == null) {
            session.send(error(action, "Channel1 does not exist: " + name1));
            return;
        }
        Channel channel2 = pbx.channelByPrefix(name2).filter(c -> !c.hungUp).orElse(null);
        if (channel2 == null) {
            session.send(error(action, "Channel2 does not exist: " + name2));
            return;
        }
        if (channel1 == channel2) {
            session.send(error(action, "Unable to add Channel2 to bridge: " + channel2.name()));
            return;
        }
        Bridge bridge = pbx.createBridge();
        for (Channel channel : List.of(channel1, channel2)) {
            String context = channel.context;
            String exten = channel.exten;
            int priority = channel.priority;
            Blocking blocking = channel.blocking;
            channel.blocking = null;
            if (blocking != null) {
                blocking.interrupt(false);
            }
            if (channel.state != ChannelState.UP) {
                pbx.setState(channel, ChannelState.UP);
            }
            pbx.enterBridge(bridge, channel, c -> pbx.engine().goTo(c, context, exten, priority + 1));
        }
        session.send(success(action, "Channels have been bridged"));
    }

    /**
     * {@code BlindTransfer} (manager.c {@code action_blind_transfer}, bridge.c
     * {@code ast_bridge_transfer_blind}): the channel's bridge peer goes to {@code Exten} in
     * {@code Context} (the channel's own context if none), the channel leaves the bridge and goes
     * on after it; a {@code BlindTransfer} event tells the result.
     */
    private void blindTransfer(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        String exten = action.get("Exten");
        if (name.isEmpty()) {
            session.send(error(action, "No channel specified"));
            return;
        }
        if (exten.isEmpty()) {
            session.send(error(action, "No extension specified"));
            return;
        }
        Channel transferer = pbx.channel(name).filter(c -> !c.hungUp).orElse(null);
        if (transferer == null) {
            session.send(error(action, "Channel specified does not exist"));
            return;
        }
        String context = action.get("Context").isEmpty() ? transferer.context : action.get("Context");
        Bridge bridge = transferer.bridge;
        Channel transferee = bridge == null ? null
                : bridge.channels().stream().filter(c -> c != transferer).findFirst().orElse(null);
        AmiMessage event = transferer.appendSnapshot(new AmiMessage(), "Transferer");
        if (transferee == null) {
            pbx.emit("BlindTransfer", EventCategory.CALL, event.add("Result", "Invalid").add("IsExternal", "Yes")
                    .add("Context", context).add("Extension", exten));
            session.send(error(action, "Transfer invalid"));
            return;
        }
        event.add("Result", "Success");
        bridge.appendSnapshot(event);
        transferee.appendSnapshot(event, "Transferee");
        pbx.emit("BlindTransfer", EventCategory.CALL, event.add("IsExternal", "Yes").add("Context", context)
                .add("Extension", exten));
        session.send(success(action, "Transfer succeeded"));
        transferee.afterBridge = null;
        pbx.leaveBridge(transferee, false);
        pbx.engine().goTo(transferee, context, exten, 1);
    }

    /**
     * {@code Atxfer} (manager.c {@code action_atxfer}): Asterisk queues the channel's attended
     * transfer feature code as DTMF; features.conf's default has none, so a stock Asterisk 22
     * answers {@code No attended transfer feature code found} for any channel that exists, as
     * the simulator does.
     */
    private void atxfer(AmiSession session, AmiMessage action) {
        if (action.get("Channel").isEmpty()) {
            session.send(error(action, "No channel specified"));
            return;
        }
        if (action.get("Exten").isEmpty()) {
            session.send(error(action, "No extension specified"));
            return;
        }
        if (pbx.channel(action.get("Channel")).filter(c -> !c.hungUp).isEmpty()) {
            session.send(error(action, "Channel specified does not exist"));
            return;
        }
        session.send(error(action, "No attended transfer feature code found"));
    }

    // ---------------------------------------------------------------- Originate

    private void originate(AmiSession session, AmiMessage action) {
        String channel = action.get("Channel");
        String context = action.get("Context");
        String exten = action.get("Exten");
        String priority = action.get("Priority");
        String timeout = action.get("Timeout");
        String application = action.get("Application");
        String channelId = action.get("ChannelId");
        if (channelId.length() > MAX_PUBLIC_UNIQUEID || action.get("OtherChannelId").length() > MAX_PUBLIC_UNIQUEID) {
            session.send(error(action, "Uniqueid length exceeds maximum of " + MAX_PUBLIC_UNIQUEID));
            return;
        }
        if (channel.isEmpty()) {
            session.send(error(action, "Channel not specified"));
            return;
        }
        int pi = 0;
        if (!priority.isEmpty()) {
            pi = leadingInt(priority, -1);
            if (pi < 1) {
                session.send(error(action, "Invalid priority"));
                return;
            }
        }
        int timeoutMillis = DEFAULT_ORIGINATE_TIMEOUT;
        if (!timeout.isEmpty()) {
            timeoutMillis = leadingInt(timeout, Integer.MIN_VALUE);
            if (timeoutMillis == Integer.MIN_VALUE) {
                session.send(error(action, "Invalid timeout"));
                return;
            }
        }
        if (channel.indexOf('/') < 0) {
            session.send(error(action, "Invalid channel"));
            return;
        }
        if (pi > 0 && !pbx.dialplan().exists(context, exten, pi)) {
            session.send(error(action, "Extension does not exist."));
            return;
        }
        boolean async = isTrue(action.get("Async"));
        if (!async && application.isEmpty() && pi == 0) {
            session.send(error(action, "Originate with 'Exten' requires 'Context' and 'Priority'"));
            return;
        }
        String[] callerId = parseCallerId(action.get("CallerID"));
        Originator.Request request = new Originator.Request(action.get("ActionID"), channel, context, exten,
                pi > 0 ? pi : 1, application, action.get("Data"), Math.max(0, timeoutMillis), callerId[0], callerId[1],
                Originator.parseVariables(action.getAll("Variable")), action.get("Account"), channelId);
        if (async) {
            session.send(success(action, "Originate successfully queued"));
            pbx.originator().originate(request, answered -> {
            });
            return;
        }
        pbx.originator().originate(request, answered -> session.send(answered
                ? success(action, "Originate successfully queued")
                : error(action, "Originate failed")));
    }

    /** {@code ast_callerid_parse} and {@code ast_shrink_phone_number}: {@code "Name" <number>} or a bare number. */
    static String[] parseCallerId(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return new String[] {"", ""};
        }
        String name = "";
        String number = value;
        int lt = value.lastIndexOf('<');
        int gt = value.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            number = value.substring(lt + 1, gt);
            name = value.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
        } else if (!value.matches("[0-9+()\\-. *#]+")) {
            return new String[] {"", value};
        }
        return new String[] {number.replaceAll("[()\\-. ]", ""), name};
    }

    // ---------------------------------------------------------------- Redirect

    private void redirect(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        String name2 = action.get("ExtraChannel");
        String context = action.get("Context");
        String context2 = action.get("ExtraContext");
        String exten = action.get("Exten");
        String exten2 = action.get("ExtraExten");
        if (name.isEmpty()) {
            session.send(error(action, "Channel not specified"));
            return;
        }
        if (context.isEmpty()) {
            session.send(error(action, "Context not specified"));
            return;
        }
        if (exten.isEmpty()) {
            session.send(error(action, "Exten not specified"));
            return;
        }
        if (action.get("Priority").isEmpty()) {
            session.send(error(action, "Priority not specified"));
            return;
        }
        int pi = leadingInt(action.get("Priority"), 0);
        if (pi < 1) {
            session.send(error(action, "Priority is invalid"));
            return;
        }
        int pi2 = 0;
        if (!name2.isEmpty() && !context2.isEmpty()) {
            if (exten2.isEmpty()) {
                session.send(error(action, "ExtraExten not specified"));
                return;
            }
            if (action.get("ExtraPriority").isEmpty()) {
                session.send(error(action, "ExtraPriority not specified"));
                return;
            }
            pi2 = leadingInt(action.get("ExtraPriority"), 0);
            if (pi2 < 1) {
                session.send(error(action, "ExtraPriority is invalid"));
                return;
            }
        }
        Channel channel = pbx.channel(name).orElse(null);
        if (channel == null) {
            session.send(error(action, "Channel does not exist: " + name));
            return;
        }
        if (channel.hungUp) {
            session.send(error(action, "Redirect failed, channel not up."));
            return;
        }
        String[] location = {context, exten, String.valueOf(pi)};
        if (name2.isEmpty()) {
            session.send(success(action, "Redirect successful"));
            pbx.redirect(List.of(channel), List.<String[]>of(location));
            return;
        }
        Channel channel2 = pbx.channel(name2).orElse(null);
        if (channel2 == null) {
            session.send(error(action, "ExtraChannel does not exist: " + name2));
            return;
        }
        if (channel2.hungUp) {
            session.send(error(action, "Redirect failed, extra channel not up."));
            return;
        }
        String[] location2 = context2.isEmpty() ? location : new String[] {context2, exten2, String.valueOf(pi2)};
        session.send(success(action, "Dual Redirect successful"));
        pbx.redirect(List.of(channel, channel2), List.of(location, location2));
    }

    // ---------------------------------------------------------------- Hangup

    private void hangup(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        if (name.isEmpty()) {
            session.send(error(action, "No channel specified"));
            return;
        }
        int cause = 0;
        String causeText = action.get("Cause").trim();
        if (!causeText.isEmpty()) {
            try {
                cause = Integer.parseInt(causeText);
                if (cause < 0 || cause > 127) {
                    cause = 0;
                }
            } catch (NumberFormatException e) {
                cause = 0;
            }
        }
        if (name.startsWith("/")) {
            hangupMatching(session, action, name, cause);
            return;
        }
        Channel channel = pbx.channel(name).orElse(null);
        if (channel == null) {
            session.send(error(action, "No such channel"));
            return;
        }
        session.send(success(action, "Channel Hungup"));
        pbx.requestHangup(channel, cause);
    }

    /** Hangup with {@code Channel: /regex/}: every matching channel, each reported as ChannelHungup. */
    private void hangupMatching(AmiSession session, AmiMessage action, String pattern, int cause) {
        String regex = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(1, pattern.length() - 1)
                : pattern.substring(1);
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            session.send(error(action, "Regex compile failed on: " + pattern));
            return;
        }
        session.send(listAck(action, "Channels hung up will follow"));
        int count = 0;
        for (Channel channel : pbx.channels()) {
            if (compiled.matcher(channel.name()).find()) {
                pbx.requestHangup(channel, cause);
                count++;
                AmiMessage item = new AmiMessage().add("Event", "ChannelHungup").add("Channel", channel.name());
                if (!action.get("ActionID").isEmpty()) {
                    item.add("ActionID", action.get("ActionID"));
                }
                session.send(item);
            }
        }
        session.send(listComplete(action, "ChannelsHungupListComplete", count));
    }

    // ---------------------------------------------------------------- variables

    private void setvar(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        String variable = action.get("Variable");
        if (variable.isEmpty()) {
            session.send(error(action, "No variable specified"));
            return;
        }
        Channel channel = null;
        if (!name.isEmpty()) {
            channel = pbx.channel(name).orElse(null);
            if (channel == null) {
                session.send(error(action, "No such channel"));
                return;
            }
        }
        session.send(success(action, "Variable Set"));
        pbx.engine().setVariable(channel, variable, action.get("Value"));
    }

    private void getvar(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        String variable = action.get("Variable");
        if (variable.isEmpty()) {
            session.send(error(action, "No variable specified"));
            return;
        }
        Channel channel = null;
        if (!name.isEmpty()) {
            channel = pbx.channel(name).orElse(null);
            if (channel == null) {
                session.send(error(action, "No such channel"));
                return;
            }
        }
        session.send(start(action, "Success").add("Variable", variable).add("Value", pbx.engine().readVariable(channel, variable)));
    }

    // ---------------------------------------------------------------- lists

    private void status(AmiSession session, AmiMessage action) {
        String name = action.get("Channel");
        List<Channel> channels;
        if (name.isEmpty()) {
            channels = pbx.channels();
        } else {
            Channel channel = pbx.channel(name).orElse(null);
            if (channel == null) {
                session.send(error(action, "No such channel"));
                return;
            }
            channels = List.of(channel);
        }
        List<String> variables = new ArrayList<>();
        for (String v : action.get("Variables").split(",")) {
            if (!v.isBlank()) {
                variables.add(v.trim());
            }
        }
        session.send(listAck(action, "Channel status will follow"));
        long now = System.currentTimeMillis();
        for (Channel channel : channels) {
            AmiMessage item = new AmiMessage().add("Event", "Status").add("Privilege", "Call");
            channel.appendSnapshot(item, "");
            item.add("Type", "PJSIP")
                    .add("DNID", "")
                    .add("EffectiveConnectedLineNum", orUnknown(channel.connectedLineNum))
                    .add("EffectiveConnectedLineName", orUnknown(channel.connectedLineName))
                    .add("TimeToHangup", 0)
                    .add("BridgeID", channel.bridgeId())
                    .add("Application", channel.application)
                    .add("Data", channel.appData)
                    .add("Nativeformats", "(ulaw)")
                    .add("Readformat", "ulaw")
                    .add("Readtrans", "")
                    .add("Writeformat", "ulaw")
                    .add("Writetrans", "")
                    .add("Callgroup", 0)
                    .add("Pickupgroup", 0)
                    .add("Seconds", (now - channel.createdMillis) / 1000);
            for (String variable : variables) {
                item.add("Variable", variable + "=" + pbx.engine().readVariable(channel, variable));
            }
            if (!action.get("ActionID").isEmpty()) {
                item.add("ActionID", action.get("ActionID"));
            }
            session.send(item);
        }
        AmiMessage complete = listCompleteStart(action, "StatusComplete", channels.size()).add("Items", channels.size());
        session.send(complete);
    }

    private void coreShowChannels(AmiSession session, AmiMessage action) {
        session.send(listAck(action, "Channels will follow"));
        long now = System.currentTimeMillis();
        List<Channel> channels = pbx.channels();
        for (Channel channel : channels) {
            AmiMessage item = new AmiMessage().add("Event", "CoreShowChannel");
            if (!action.get("ActionID").isEmpty()) {
                item.add("ActionID", action.get("ActionID"));
            }
            channel.appendSnapshot(item, "");
            long seconds = (now - channel.createdMillis) / 1000;
            item.add("Application", channel.application)
                    .add("ApplicationData", channel.appData)
                    .add("Duration", String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60))
                    .add("BridgeId", channel.bridgeId());
            session.send(item);
        }
        session.send(listComplete(action, "CoreShowChannelsComplete", channels.size()));
    }

    private void deviceStateList(AmiSession session, AmiMessage action) {
        session.send(listAck(action, "Device State Changes will follow"));
        List<Devices.Device> devices = pbx.devices().list();
        for (Devices.Device device : devices) {
            AmiMessage item = new AmiMessage().add("Event", "DeviceStateChange");
            if (!action.get("ActionID").isEmpty()) {
                item.add("ActionID", action.get("ActionID"));
            }
            session.send(item.add("Device", device.name).add("State", device.state));
        }
        session.send(listComplete(action, "DeviceStateListComplete", devices.size()));
    }

    /** {@code astman_send_listack}: Response Success, ActionID, {@code EventList: start}, Message. */
    private static AmiMessage listAck(AmiMessage action, String message) {
        return start(action, "Success").add("EventList", "start").add("Message", message);
    }

    /** {@code astman_send_list_complete_start}: the closing event of a list, without Privilege. */
    private static AmiMessage listCompleteStart(AmiMessage action, String event, int count) {
        AmiMessage out = new AmiMessage().add("Event", event);
        if (!action.get("ActionID").isEmpty()) {
            out.add("ActionID", action.get("ActionID"));
        }
        return out.add("EventList", "Complete").add("ListItems", count);
    }

    private static AmiMessage listComplete(AmiMessage action, String event, int count) {
        return listCompleteStart(action, event, count);
    }

    // ---------------------------------------------------------------- helpers

    /** {@code sscanf("%30d")}: the leading integer, or {@code fallback} if the text does not start with one. */
    static int leadingInt(String text, int fallback) {
        String t = text.trim();
        int end = 0;
        if (end < t.length() && (t.charAt(end) == '-' || t.charAt(end) == '+')) {
            end++;
        }
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        try {
            return Integer.parseInt(t.substring(0, end));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code ast_true}: yes, true, y, t, 1, on. */
    static boolean isTrue(String text) {
        return text.trim().toLowerCase(Locale.ROOT).matches("yes|true|y|t|1|on");
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }
}
