package org.calldesk.connector.ami.outbound;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.calldesk.connector.ami.AmiClient;
import org.calldesk.connector.ami.AmiSettings;
import org.calldesk.connector.ami.mapping.CallRegistry.CallView;
import org.calldesk.connector.ami.mapping.CallRegistry.Direction;
import org.calldesk.connector.ami.mapping.CallRegistry.Phase;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.ami.mapping.DeviceStates;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.EndCause;
import org.calldesk.connector.api.PbxException;

/**
 * Every call control of {@code PbxConnection} as the AMI actions {@code docs/asterisk.md}
 * prescribes, on one pooled AMI session. asterisk-java has no transfer actions, and AMI has no
 * hold: everything is done by moving channels between the CallDesk dialplan contexts with
 * {@code Redirect}, telling the connect context whom to bridge with {@code Setvar CALLDESK_PEER},
 * and creating phone legs with {@code Originate}.
 *
 * <p>Channel names come from the adapter's {@link CallRegistry}, which the event session keeps
 * up to date. Before a leg is originated it is registered under the channel id the adapter
 * chooses ({@code Originate ChannelId}), so the PBX's first event about it is already recognised;
 * that id names the call and the leg's part, so the adapters of other application nodes adopt the
 * leg from the same event ({@link CallRegistry#adopt}).
 *
 * <p>Errors: no session, an I/O failure or no answer in time is {@link PbxException.PbxUnreachable};
 * {@code Response: Error} with "No such channel" is {@link PbxException.UnknownCall}; any other
 * {@code Response: Error} is {@link PbxException.ActionRefused} with Asterisk's message. Phones
 * whose device state is UNAVAILABLE or INVALID are refused with
 * {@link PbxException.DeviceUnavailable} before anything rings. Best-effort steps (hanging up a
 * leg the dialplan may already have hung up) ignore "No such channel".
 */
final class AmiCallControl {

    private static final Logger LOG = Logger.getLogger(AmiCallControl.class.getName());

    static final String VAR_PEER = "CALLDESK_PEER";
    static final String VAR_SENDING_NUMBER = "CALLDESK_SENDNO";
    static final String VAR_DIAL_TIMEOUT = "CALLDESK_TIMEOUT";
    static final String VAR_ANNOUNCEMENT = "CALLDESK_ANNOUNCEMENT";
    /** Transfer try: the held customer, whom the consulted agent's leg bridges with should the first agent hang up. */
    static final String VAR_CUSTOMER = "CALLDESK_CUSTOMER";
    private static final String START_EXTEN = "s";
    /** The connect context's extension for a transfer try's consulted agent. */
    static final String CONSULT_EXTEN = "consult";

    /** Digits and the few signs a dial string may hold; also keeps line breaks out of AMI headers. */
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9*#]{1,32}");
    /** A sound file name as Playback() takes it, e.g. {@code custom/abuse-warning}. */
    private static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_./-]{1,128}");

    private final ManagerConnection session;
    private final CallRegistry registry;
    private final AmiSettings settings;

    AmiCallControl(ManagerConnection session, CallRegistry registry, AmiSettings settings) {
        this.session = Objects.requireNonNull(session, "session is required");
        this.registry = Objects.requireNonNull(registry, "registry is required");
        this.settings = Objects.requireNonNull(settings, "settings is required");
    }

    /** Dial up: the call's id is the agent leg's channel id, which Asterisk makes the linked id of every leg. */
    CallId originate(DeviceId agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxException {
        Objects.requireNonNull(agentDevice, "agentDevice is required");
        requireDiallable(customerNumber, "customerNumber");
        requireDiallable(sendingNumber, "sendingNumber");
        requirePositive(timeout, "timeout");
        requireReachable(agentDevice);
        CallId call = CallRegistry.newDialUpId();
        registry.registerOutbound(call, agentDevice, customerNumber);
        OriginateAction originate = originate(agentDevice, settings.contexts().outbound(), customerNumber, timeout,
                call.value(), sendingNumber);
        originate.setVariable(VAR_SENDING_NUMBER, sendingNumber);
        originate.setVariable(VAR_DIAL_TIMEOUT, Long.toString(Math.max(1, ceilSeconds(timeout))));
        sendOriginate(originate, call.value(), null);
        return call;
    }

    /** Confirm: ring the agent and, when answered, bridge the phone with the waiting customer. */
    void connect(CallId call, DeviceId agentDevice, Duration ringTimeout) throws PbxException {
        Objects.requireNonNull(agentDevice, "agentDevice is required");
        requirePositive(ringTimeout, "ringTimeout");
        CallView view = registry.require(call);
        String customer = require(view.customerChannel(), call, "customer");
        requireReachable(agentDevice);
        String leg = CallRegistry.newLegChannelId(call, CallRegistry.Role.AGENT);
        Optional<String> replaced = registry.addAgentLeg(call, leg, agentDevice);
        replaced.ifPresent(this::hangupQuietly);
        OriginateAction originate = originate(agentDevice, settings.contexts().connect(), START_EXTEN, ringTimeout, leg,
                view.callerNumber());
        originate.setVariable(VAR_PEER, customer);
        sendOriginate(originate, leg, call);
    }

    /** Customer to the hold context (music), agent to the silent wait context, in one Redirect. */
    void hold(CallId call) throws PbxException {
        CallView view = registry.require(call);
        holdChannels(call, require(view.customerChannel(), call, "customer"), require(view.agentChannel(), call, "agent"));
    }

    /** Bring the agent back to the held customer (a transfer try in progress is abandoned). */
    void retrieve(CallId call) throws PbxException {
        CallView view = registry.require(call);
        if (view.consultDevice() != null) {
            cancelConsult(call);
            return;
        }
        bridgeWith(call, require(view.agentChannel(), call, "agent"), require(view.customerChannel(), call, "customer"));
    }

    /** Transfer try: hold the customer (unless held already) and ring the target, who is then bridged with the first agent. */
    void consult(CallId call, DeviceId target, Duration ringTimeout) throws PbxException {
        Objects.requireNonNull(target, "target is required");
        requirePositive(ringTimeout, "ringTimeout");
        CallView view = registry.require(call);
        String customer = require(view.customerChannel(), call, "customer");
        String agent = require(view.agentChannel(), call, "agent");
        if (view.consultDevice() != null) {
            throw new PbxException.ActionRefused("Originate", "a transfer try to " + view.consultDevice()
                    + " is already in progress for call " + call);
        }
        requireReachable(target);
        boolean heldHere = view.phase() != Phase.HELD;
        if (heldHere) {
            holdChannels(call, customer, agent);
        }
        String leg = CallRegistry.newLegChannelId(call, CallRegistry.Role.CONSULT);
        registry.addConsultLeg(call, leg, target);
        OriginateAction originate = originate(target, settings.contexts().connect(), CONSULT_EXTEN, ringTimeout, leg,
                view.callerNumber());
        originate.setVariable(VAR_PEER, agent);
        originate.setVariable(VAR_CUSTOMER, customer);
        try {
            sendOriginate(originate, leg, call);
        } catch (PbxException e) {
            if (heldHere) {
                // the transfer try failed as a whole: the agent talks to the customer again, as before it
                try {
                    bridgeWith(call, agent, customer);
                } catch (PbxException undo) {
                    LOG.log(Level.WARNING, "Could not bring " + agent + " back to " + customer
                            + " after a failed transfer try", undo);
                }
            }
            throw e;
        }
    }

    /** Transfer connect: the consulted agent is bridged with the customer; the first agent's line is hung up. */
    void completeTransfer(CallId call) throws PbxException {
        CallView view = registry.require(call);
        String customer = require(view.customerChannel(), call, "customer");
        if (view.consultDevice() == null) {
            throw new PbxException.ActionRefused("Redirect", "no transfer try is in progress for call " + call);
        }
        if (!view.consultAnswered() || view.consultChannel() == null) {
            throw new PbxException.ActionRefused("Redirect", view.consultDevice() + " has not answered the transfer try yet");
        }
        registry.transferCompleting(call);
        try {
            bridgeWith(call, view.consultChannel(), customer);
        } catch (PbxException e) {
            registry.transferAborted(call);
            throw e;
        }
        if (view.agentChannel() != null) {
            hangupQuietly(view.agentChannel());
        }
    }

    /**
     * Transfer cancel: the first agent is bridged with the customer again, then the consulted
     * agent's leg is hung up. In this order because the first agent sits in the consulted agent's
     * {@code Bridge()}: hanging up the target first would let Asterisk hang up the first agent too.
     * Before that, the consulted agent's leg forgets the customer, or leaving its bridge with the
     * first agent would bridge it with the customer (the dialplan's transfer on the first agent's
     * hang-up).
     */
    void cancelConsult(CallId call) throws PbxException {
        CallView view = registry.require(call);
        if (view.consultDevice() == null) {
            throw new PbxException.ActionRefused("Hangup", "no transfer try is in progress for call " + call);
        }
        String customer = require(view.customerChannel(), call, "customer");
        String agent = require(view.agentChannel(), call, "agent");
        registry.consultCancelling(call);
        if (view.consultChannel() != null) {
            try {
                send(new SetVarAction(view.consultChannel(), VAR_CUSTOMER, ""), "Setvar", call);
            } catch (PbxException.UnknownCall gone) {
                LOG.log(Level.FINE, "the consulted agent's leg " + view.consultChannel() + " is gone already", gone);
            }
        }
        bridgeWith(call, agent, customer);
        if (view.consultChannel() != null) {
            hangupQuietly(view.consultChannel());
        }
    }

    /** Disconnect: the customer hears the announcement and is hung up by the dialplan; the agents leave at once. */
    void announceAndHangup(CallId call, String announcement) throws PbxException {
        Objects.requireNonNull(announcement, "announcement is required");
        if (!SOUND.matcher(announcement).matches()) {
            throw new IllegalArgumentException("announcement must be a sound name such as custom/warning, not '"
                    + announcement + "'");
        }
        CallView view = registry.require(call);
        String customer = require(view.customerChannel(), call, "customer");
        registry.endRequested(call, EndCause.AGENT_HANGUP);
        send(new SetVarAction(customer, VAR_ANNOUNCEMENT, announcement), "Setvar", call);
        send(new RedirectAction(customer, settings.contexts().announce(), START_EXTEN, 1), "Redirect", call);
        // the consulted agent first: left alone by the first agent it would bridge with the customer
        hangupQuietly(view.consultChannel());
        hangupQuietly(view.agentChannel());
    }

    /** Hang up the customer, and every agent leg the dialplan would not end by itself. */
    void hangup(CallId call) throws PbxException {
        CallView view = registry.require(call);
        registry.endRequested(call, EndCause.AGENT_HANGUP);
        if (view.customerChannel() != null) {
            send(new HangupAction(view.customerChannel()), "Hangup", call);
            hangupQuietly(view.agentChannel());
        } else if (view.direction() == Direction.OUTBOUND && view.agentChannel() != null) {
            send(new HangupAction(view.agentChannel()), "Hangup", call);
        } else {
            throw new PbxException.UnknownCall(call);
        }
        hangupQuietly(view.consultChannel());
    }

    /** {@code Getvar DEVICE_STATE(<device>)} without a channel. */
    DeviceState deviceState(DeviceId device) throws PbxException {
        Objects.requireNonNull(device, "device is required");
        ManagerResponse response = send(new GetVarAction("DEVICE_STATE(" + device.value() + ")"), "Getvar", null);
        String value = response instanceof GetVarResponse getVar ? getVar.getValue() : response.getAttribute("value");
        return DeviceStates.parse(value);
    }

    // ---- building blocks ----

    private void holdChannels(CallId call, String customer, String agent) throws PbxException {
        RedirectAction redirect = new RedirectAction(customer, settings.contexts().hold(), START_EXTEN, 1);
        redirect.setExtraChannel(agent);
        redirect.setExtraContext(settings.contexts().agentWait());
        redirect.setExtraExten(START_EXTEN);
        redirect.setExtraPriority(1);
        send(redirect, "Redirect", call);
    }

    /** Tell the connect context whom to bridge with, then send {@code channel} there. */
    private void bridgeWith(CallId call, String channel, String peer) throws PbxException {
        send(new SetVarAction(channel, VAR_PEER, peer), "Setvar", call);
        send(new RedirectAction(channel, settings.contexts().connect(), START_EXTEN, 1), "Redirect", call);
    }

    /**
     * Sends a leg's {@code Originate}. Refused, the leg is forgotten. Unanswered (no answer in
     * time, the link failed while sending), the PBX may still place it: the application is told
     * it failed, so the leg is hung up now if it exists and whenever the PBX reports it later,
     * never adopted; a second Confirm then cannot put a second leg on the phone.
     */
    private void sendOriginate(OriginateAction originate, String leg, CallId call) throws PbxException {
        try {
            send(originate, "Originate", call);
        } catch (PbxException.PbxUnreachable e) {
            String channel = registry.originateAbandoned(leg);
            LOG.warning(() -> "The PBX did not answer the Originate of " + leg + " (" + e.getMessage()
                    + "); the leg is hung up if the PBX places it");
            hangupQuietly(channel);
            throw e;
        } catch (PbxException e) {
            registry.originateRefused(leg);
            throw e;
        }
    }

    private OriginateAction originate(DeviceId device, String context, String exten, Duration timeout, String channelId,
                                      String callerId) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(device.value());
        originate.setContext(context);
        originate.setExten(exten);
        originate.setPriority(1);
        originate.setTimeout(timeout.toMillis());
        originate.setAsync(Boolean.TRUE);
        originate.setChannelId(channelId);
        if (callerId != null && DIALLABLE.matcher(callerId).matches()) {
            originate.setCallerId(callerId);
        }
        return originate;
    }

    private void requireReachable(DeviceId device) throws PbxException {
        DeviceState state = deviceState(device);
        if (state == DeviceState.UNAVAILABLE || state == DeviceState.INVALID) {
            throw new PbxException.DeviceUnavailable(device, state);
        }
    }

    /** Best effort: the channel may already be gone (the dialplan hangs up a lone Bridge() party itself). */
    private void hangupQuietly(String channel) {
        if (channel == null) {
            return;
        }
        try {
            send(new HangupAction(channel), "Hangup", null);
        } catch (PbxException e) {
            LOG.log(Level.FINE, "Hangup of " + channel + " not needed or not possible", e);
        }
    }

    /**
     * Sends the action and returns Asterisk's success response, or throws the checked exception
     * that says why not.
     *
     * @param call the call the action concerns, so "No such channel" becomes {@code UnknownCall}
     */
    private ManagerResponse send(ManagerAction action, String name, CallId call) throws PbxException {
        ManagerResponse response;
        long timeout = settings.actionTimeout().toMillis();
        try {
            response = session.sendAction(action, timeout);
        } catch (TimeoutException e) {
            throw new PbxException.PbxUnreachable("the PBX at " + settings.address() + " did not answer " + name
                    + " within " + timeout + " ms", e);
        } catch (IOException e) {
            throw new PbxException.PbxUnreachable("the AMI session with " + settings.address() + " failed while sending "
                    + name + ": " + AmiClient.describe(e), e);
        } catch (IllegalStateException e) {
            throw new PbxException.PbxUnreachable("no AMI session with the PBX at " + settings.address() + " ("
                    + e.getMessage() + ")", e);
        }
        if (response == null) {
            throw new PbxException.PbxUnreachable("the AMI session with " + settings.address()
                    + " closed before the PBX answered " + name, null);
        }
        if (response instanceof ManagerError || "Error".equalsIgnoreCase(response.getResponse())) {
            String message = response.getMessage() == null ? "(no message)" : response.getMessage();
            if (call != null && message.toLowerCase(Locale.ROOT).contains("no such channel")) {
                throw new PbxException.UnknownCall(call);
            }
            throw new PbxException.ActionRefused(name, message);
        }
        return response;
    }

    private static String require(String channel, CallId call, String role) throws PbxException {
        if (channel == null) {
            throw new PbxException.ActionRefused("call control", "call " + call + " has no " + role
                    + " channel on the PBX at the moment");
        }
        return channel;
    }

    private static void requireDiallable(String number, String name) {
        Objects.requireNonNull(number, name + " is required");
        if (!DIALLABLE.matcher(number).matches()) {
            throw new IllegalArgumentException(name + " must be a dialable number (digits, *, #, leading +), not '"
                    + number + "'");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " is required");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
