package org.calldesk.pbxsim.pbx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.calldesk.pbxsim.ami.AmiMessage;
import org.calldesk.pbxsim.ami.EventCategory;

/**
 * Places calls as the Originate action does ({@code pbx_outgoing_attempt} with {@code ast_dial}):
 * request a channel on the device, set its variables and caller id, ring it, and when it
 * answers send it into the dialplan (or run one application on it).
 *
 * <p>The result is reported as Asterisk reports it: an {@code OriginateResponse} event with
 * {@code Response: Success} and {@code Reason: 4} once answered, or {@code Response: Failure}
 * with the reason {@code pbx_dial_reason} gives: 5 busy, 3 rang without answer, 8 congestion
 * or an endpoint that is not registered, 0 anything else (unknown endpoint or technology). A failed attempt's event names the requested channel (e.g. {@code PJSIP/1001}),
 * not a channel, and its Uniqueid is the requested ChannelId or {@code <unknown>}.
 */
final class Originator {

    /** What an Originate action asked for, already validated. */
    record Request(String actionId, String channel, String context, String exten, int priority,
                   String application, String data, long timeoutMillis, String callerIdNum,
                   String callerIdName, Map<String, String> variables, String account, String channelId) {

        boolean isApplication() {
            return application != null && !application.isEmpty();
        }
    }

    /** AST_CONTROL_* numbers that OriginateResponse carries as Reason. */
    static final int REASON_FAILURE = 0;
    static final int REASON_RINGING = 3;
    static final int REASON_ANSWER = 4;
    static final int REASON_BUSY = 5;
    static final int REASON_CONGESTION = 8;

    private final Pbx pbx;

    Originator(Pbx pbx) {
        this.pbx = pbx;
    }

    /**
     * Starts an origination on the PBX thread and calls {@code done} with true once it is
     * answered, false when it failed (after raising OriginateResponse either way).
     */
    void originate(Request request, Consumer<Boolean> done) {
        if (request.channel().regionMatches(true, 0, "Local/", 0, 6)) {
            originateLocal(request, done);
            return;
        }
        DialTarget target = DialTarget.resolve(pbx, request.channel());
        if (target == null || target.failed()) {
            int cause = target == null ? HangupCause.CHAN_NOT_IMPLEMENTED : target.failureCause();
            respond(request, null, reasonFor(cause));
            done.accept(false);
            return;
        }
        if (!request.channelId().isEmpty() && pbx.uniqueidInUse(request.channelId())) {
            respond(request, null, REASON_FAILURE);
            done.accept(false);
            return;
        }
        Channel channel = pbx.newChannel(target.device(), ChannelState.DOWN, target.context(), "s",
                request.channelId(), null, c -> {
                    c.outgoing = true;
                    c.behaviour = target.behaviour();
                    if (!request.account().isEmpty()) {
                        c.accountCode = request.account();
                    }
                });
        request.variables().forEach((name, value) -> pbx.engine().setVariable(channel, name, value));
        if (!request.callerIdNum().isEmpty() || !request.callerIdName().isEmpty()) {
            channel.callerIdNum = request.callerIdNum();
            channel.callerIdName = request.callerIdName();
            pbx.channelEvent("NewCallerid", EventCategory.CALL, channel,
                    "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
            channel.connectedLineNum = request.callerIdNum();
            channel.connectedLineName = request.callerIdName();
            pbx.channelEvent("NewConnectedLine", EventCategory.CALL, channel);
        }
        dialEvent("DialBegin", channel, null, target.resource());
        Ringer.ring(pbx, channel, request.timeoutMillis(), outcome(request, channel, done));
        if (channel.state == ChannelState.RINGING) {
            dialEvent("DialState", channel, "RINGING", null);
        }
    }

    /**
     * Originate to {@code Local/<exten>@<context>}: the two halves (see
     * {@link Pbx#newLocalChannel}), then the {@code ;2} half runs {@code exten@context}; what its
     * dialplan does decides the {@code ;1} half's fate ({@code Ringing()} rings it,
     * {@code Answer()} answers it and sends it on as the Originate says, a hang-up or
     * {@code Busy()} ends it). The Originate's {@code Timeout} hangs both up unanswered. An
     * extension that does not exist fails the Originate (reason 0) without a channel.
     */
    private void originateLocal(Request request, Consumer<Boolean> done) {
        String resource = request.channel().substring("Local/".length());
        int slash = resource.indexOf('/');
        if (slash >= 0) {
            resource = resource.substring(0, slash); // options such as /n: no optimisation here anyway
        }
        int at = resource.indexOf('@');
        String exten = at >= 0 ? resource.substring(0, at) : resource;
        String context = at >= 0 ? resource.substring(at + 1) : "default";
        if (exten.isEmpty() || !pbx.dialplan().exists(context, exten, 1)
                || !request.channelId().isEmpty() && pbx.uniqueidInUse(request.channelId())) {
            respond(request, null, REASON_FAILURE);
            done.accept(false);
            return;
        }
        Channel[] halves = pbx.newLocalChannel("Local/" + exten + "@" + context, context, exten,
                request.channelId(), null, c -> {
                    c.outgoing = true;
                    if (!request.account().isEmpty()) {
                        c.accountCode = request.account();
                    }
                });
        Channel one = halves[0];
        Channel two = halves[1];
        request.variables().forEach((name, value) -> pbx.engine().setVariable(one, name, value));
        if (!request.callerIdNum().isEmpty() || !request.callerIdName().isEmpty()) {
            for (Channel half : halves) {
                half.callerIdNum = request.callerIdNum();
                half.callerIdName = request.callerIdName();
                pbx.channelEvent("NewCallerid", EventCategory.CALL, half,
                        "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
            }
        }
        dialEvent("DialBegin", one, null, exten + "@" + context);
        Ringer.ringLocal(pbx, one, two, request.timeoutMillis(), outcome(request, one, done));
    }

    /** What an Originate does once its channel answers, is busy, rings out or is hung up while ringing. */
    private Ringer.Outcome outcome(Request request, Channel channel, Consumer<Boolean> done) {
        return new Ringer.Outcome() {
            @Override
            public void answered() {
                dialEvent("DialEnd", channel, "ANSWER", null);
                respond(request, channel, REASON_ANSWER);
                done.accept(true);
                if (request.isApplication()) {
                    runApplication(channel, request);
                } else {
                    pbx.engine().goTo(channel, request.context(), request.exten(), request.priority());
                }
            }

            @Override
            public void busy() {
                dialEvent("DialEnd", channel, "BUSY", null);
                channel.hangupCause = HangupCause.USER_BUSY;
                pbx.hangup(channel, 0);
                respond(request, null, REASON_BUSY);
                done.accept(false);
            }

            @Override
            public void timedOut() {
                // as Asterisk 22 (asterisk-traces): the response first, then the Hangup with cause 19
                respond(request, null, REASON_RINGING);
                pbx.hangup(channel, HangupCause.NO_ANSWER);
                done.accept(false);
            }

            @Override
            public void abandoned() {
                int cause = channel.hangupCause;
                respond(request, null, reasonFor(cause));
                done.accept(false);
            }
        };
    }

    /** Runs the Application of an application Originate, then hangs up, as {@code pbx_outgoing_exec}. */
    private void runApplication(Channel channel, Request request) {
        pbx.engine().runSingleApplication(channel, request.application(), request.data());
    }

    /** {@code pbx_dial_reason}: the AST_CONTROL_* an unanswered attempt reports for a hang-up cause. */
    static int reasonFor(int cause) {
        switch (cause) {
            case HangupCause.USER_BUSY:
                return REASON_BUSY;
            case HangupCause.CALL_REJECTED:
            case HangupCause.NETWORK_OUT_OF_ORDER:
            case HangupCause.DESTINATION_OUT_OF_ORDER:
            case HangupCause.NORMAL_TEMPORARY_FAILURE:
            case 42:
            case HangupCause.NORMAL_CIRCUIT_CONGESTION:
                return REASON_CONGESTION;
            case HangupCause.ANSWERED_ELSEWHERE:
            case HangupCause.NO_ANSWER:
                return REASON_RINGING;
            default:
                return REASON_FAILURE;
        }
    }

    /** DialBegin/DialState/DialEnd of an Originate: no caller, only the Dest channel ({@code ast_dial} with no requester). */
    private void dialEvent(String name, Channel channel, String status, String dialString) {
        AmiMessage body = channel.appendSnapshot(new AmiMessage(), "Dest");
        if (dialString != null) {
            body.add("DialString", dialString);
        }
        if (status != null) {
            body.add("DialStatus", status);
        }
        pbx.emit(name, EventCategory.CALL, body);
    }

    /** Raises OriginateResponse as {@code fast_originate} writes it. */
    private void respond(Request request, Channel channel, int reason) {
        AmiMessage body = new AmiMessage();
        if (!request.actionId().isEmpty()) {
            body.add("ActionID", request.actionId());
        }
        body.add("Response", channel != null ? "Success" : "Failure");
        body.add("Channel", channel != null ? channel.name() : request.channel());
        if (request.isApplication()) {
            body.add("Application", request.application()).add("Data", request.data());
        } else {
            body.add("Context", request.context()).add("Exten", request.exten());
        }
        body.add("Reason", reason);
        body.add("Uniqueid", channel != null ? channel.uniqueid()
                : request.channelId().isEmpty() ? "<unknown>" : request.channelId());
        body.add("CallerIDNum", request.callerIdNum().isEmpty() ? "<unknown>" : request.callerIdNum());
        body.add("CallerIDName", request.callerIdName().isEmpty() ? "<unknown>" : request.callerIdName());
        pbx.emit("OriginateResponse", EventCategory.CALL, body);
    }

    /** Parses {@code Variable} headers: each may hold several {@code name=value} pairs separated by commas. */
    static Map<String, String> parseVariables(Iterable<String> headers) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String header : headers) {
            for (String pair : header.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    variables.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
            }
        }
        return variables;
    }
}
