package org.calldesk.connector.ami.mapping;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.manager.event.AbstractChannelEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.RenameEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.calldesk.connector.ami.CallDeskWaitingEvent;
import org.calldesk.connector.ami.DialplanContexts;
import org.calldesk.connector.ami.mapping.CallRegistry.Direction;
import org.calldesk.connector.ami.mapping.CallRegistry.Leg;
import org.calldesk.connector.ami.mapping.CallRegistry.Phase;
import org.calldesk.connector.ami.mapping.CallRegistry.Role;
import org.calldesk.connector.ami.mapping.CallRegistry.TrackedCall;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.EndCause;

/**
 * Turns what Asterisk reports about channels into what the contact center cares about: calls.
 * This is the edge where AMI's string headers become typed {@link CallEvent} records (ids,
 * enums, {@link Instant}s), so nothing past the connector sees AMI.
 *
 * <p>One AMI event rarely means one call event. A call is a customer channel plus the agent
 * channels the adapter originated for it, and the meaning of an event depends on the call's
 * history: two channels entering one bridge is "answered" the first time, "retrieved" after a
 * hold and "transferred" when the second agent's channel meets the customer. The mapper
 * therefore keeps each call's channels and phase in the {@link CallRegistry} and returns, for
 * each AMI event, the (often empty) list of call events it implies, in order. The rules, per
 * {@code docs/asterisk.md}:
 * <ul>
 * <li>{@code UserEvent: CallDeskWaiting} on a customer channel: {@link CallEvent.CallArrived};
 * the call id is the channel's {@code Linkedid}, the dialled number the {@code Service} header
 * (else {@code Exten}).</li>
 * <li>{@code Newstate} Ringing of an agent, consult or outbound customer leg:
 * {@link CallEvent.CallRinging}, once per leg.</li>
 * <li>{@code BridgeEnter} that puts customer and agent in one bridge: {@link CallEvent.CallAnswered}
 * (or {@link CallEvent.CallRetrieved} after a hold); customer and consulted agent:
 * {@link CallEvent.CallTransferred}; first and consulted agent: {@link CallEvent.ConsultAnswered}.</li>
 * <li>{@code MusicOnHoldStart} on the customer of a talking call: {@link CallEvent.CallHeld};
 * {@code MusicOnHoldStop} while still bridged with the agent (a phone's own hold key):
 * {@link CallEvent.CallRetrieved}.</li>
 * <li>{@code Hangup} of the customer: {@link CallEvent.CallEnded}, the cause from the Hangup
 * cause and the order of hangups; of an outbound agent leg before the customer was dialled:
 * {@code CallEnded}; of an inbound agent leg before it met the customer:
 * {@link CallEvent.ConnectFailed}; of a consultation leg: {@link CallEvent.ConsultFailed}. The
 * legs an ended call still has are handed to the event session to hang up ({@link #takeLegsToEnd}).
 * {@code OriginateResponse} Failure counts as the hangup of a leg the PBX never set up.</li>
 * <li>{@code DeviceStateChange}: {@link CallEvent.DeviceStateChanged}.</li>
 * </ul>
 * After a reconnect, {@link #reconcile} compares the registry with the PBX's channel listing.
 *
 * <p>Several application nodes: a {@code Newchannel} of a leg that another node's adapter
 * originated (its channel id says so, see {@link CallRegistry#adopt}) adds that leg here too, so
 * every node maps a call's events alike and can control the call.
 *
 * <p>No I/O: it is unit-tested by feeding it asterisk-java event objects. The event session calls
 * it from one thread, in the order AMI delivered the events; it holds the registry's monitor
 * while it applies an event, so call controls running on other threads see consistent calls.
 */
public final class AmiEventMapper {

    private static final Logger LOG = Logger.getLogger(AmiEventMapper.class.getName());

    /** Asterisk's channel states (ChannelState header) for a phone that rings. */
    private static final int STATE_RING = 4;
    private static final int STATE_RINGING = 5;
    /** {@code SoftHangupRequest} Cause {@code AST_SOFTHANGUP_SHUTDOWN}: Asterisk is shutting down. */
    private static final int SOFT_HANGUP_SHUTDOWN = 4;

    private final CallRegistry registry;
    private final DialplanContexts contexts;
    private final Clock clock;

    /**
     * Channels of calls that ended which the adapter placed and which are still up: an agent
     * waiting in the silent wait context while the customer was held, the two agents of a
     * transfer try, a phone still ringing for a caller who hung up. Nothing in the dialplan ends
     * them, so the event session hangs them up ({@link #takeLegsToEnd}). Guarded by the registry's
     * monitor.
     */
    private final List<String> legsToEnd = new ArrayList<>();

    public AmiEventMapper(CallRegistry registry, DialplanContexts contexts, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry is required");
        this.contexts = Objects.requireNonNull(contexts, "contexts is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** The call events one AMI event implies, in order; empty for events of no interest. */
    public List<CallEvent> map(ManagerEvent event) {
        Objects.requireNonNull(event, "event is required");
        List<CallEvent> out = new ArrayList<>(2);
        Instant at = timeOf(event);
        synchronized (registry) {
            try {
                dispatch(event, at, out);
            } catch (RuntimeException e) {
                // A malformed event must not stop the event stream; the next resync repairs the state.
                LOG.log(Level.WARNING, "Could not map AMI event " + event.getClass().getSimpleName(), e);
            }
        }
        return out;
    }

    /**
     * The channels (names, or channel ids where the PBX has not named them yet) that the calls
     * ended since the last call left on the PBX; taking them empties the list.
     */
    public List<String> takeLegsToEnd() {
        synchronized (registry) {
            if (legsToEnd.isEmpty()) {
                return List.of();
            }
            List<String> taken = List.copyOf(legsToEnd);
            legsToEnd.clear();
            return taken;
        }
    }

    private void dispatch(ManagerEvent event, Instant at, List<CallEvent> out) {
        if (event instanceof AbstractChannelEvent channelEvent && registry.abandoned(channelEvent.getUniqueId())) {
            onAbandonedLeg(channelEvent);
            return;
        }
        if (event instanceof CallDeskWaitingEvent waiting) {
            onWaiting(waiting, at, out);
        } else if (event instanceof NewChannelEvent newChannel) {
            onNewChannel(newChannel);
        } else if (event instanceof NewStateEvent newState) {
            onNewState(newState, at, out);
        } else if (event instanceof DialBeginEvent dialBegin) {
            onDialBegin(dialBegin);
        } else if (event instanceof DialEndEvent dialEnd) {
            onDialEnd(dialEnd);
        } else if (event instanceof BridgeEnterEvent enter) {
            onBridgeEnter(enter, at, out);
        } else if (event instanceof BridgeLeaveEvent leave) {
            onBridgeLeave(leave);
        } else if (event instanceof MusicOnHoldStartEvent mohStart) {
            onMusicOnHoldStart(mohStart, at, out);
        } else if (event instanceof MusicOnHoldStopEvent mohStop) {
            onMusicOnHoldStop(mohStop, at, out);
        } else if (event instanceof HangupEvent hangup) {
            onHangup(hangup, at, out);
        } else if (event instanceof OriginateResponseEvent originate) {
            onOriginateResponse(originate, at, out);
        } else if (event instanceof DeviceStateChangeEvent deviceState) {
            onDeviceStateChange(deviceState, at, out);
        } else if (event instanceof RenameEvent rename) {
            onRename(rename);
        } else if (event instanceof SoftHangupRequestEvent softHangup) {
            onSoftHangupRequest(softHangup);
        } else if (event instanceof ShutdownEvent) {
            onShutdown(at, out);
        }
    }

    /**
     * A leg whose Originate the PBX did not answer in time showed up after all: the application
     * was told it failed, so it is hung up (at its first events: it may still ring), never taken on.
     */
    private void onAbandonedLeg(AbstractChannelEvent event) {
        if (event instanceof HangupEvent) {
            registry.abandonedGone(event.getUniqueId());
        } else if (event instanceof NewChannelEvent || event instanceof NewStateEvent) {
            LOG.warning(() -> "The PBX placed " + event.getChannel() + " (" + event.getUniqueId() + ") after its"
                    + " Originate went unanswered; hanging it up");
            legsToEnd.add(event.getChannel() != null ? event.getChannel() : event.getUniqueId());
        }
    }

    private void onWaiting(CallDeskWaitingEvent event, Instant at, List<CallEvent> out) {
        String uniqueId = blankToNull(event.getUniqueId());
        if (uniqueId == null || registry.leg(uniqueId) != null) {
            return;
        }
        CallId id = new CallId(firstNonBlank(event.getLinkedid(), uniqueId));
        if (registry.call(id) != null) {
            return;
        }
        TrackedCall call = registry.addCall(id, Direction.INBOUND, Phase.WAITING);
        call.callerNumber = number(event.getCallerIdNum());
        call.customerNumber = firstNonBlank(event.getService(), event.getExten(), "");
        registry.addLeg(call, uniqueId, Role.CUSTOMER, null, event.getChannel());
        out.add(new CallEvent.CallArrived(id, call.callerNumber, call.customerNumber, at));
    }

    private void onNewChannel(NewChannelEvent event) {
        String uniqueId = blankToNull(event.getUniqueId());
        if (uniqueId == null) {
            return;
        }
        Leg leg = registry.leg(uniqueId);
        if (leg != null) {
            leg.channel = event.getChannel();
            return;
        }
        // A leg another application node originated: its channel id names the call and its part.
        if (registry.adopt(uniqueId, deviceOf(event.getChannel()), event.getChannel()) != null) {
            return;
        }
        // Outbound: the channel Dial() creates for the customer inherits the agent leg's linked id.
        String linkedId = blankToNull(event.getLinkedid());
        if (linkedId != null && !isOtherHalfOfLeg(linkedId, event.getChannel())) {
            adoptCustomerLeg(linkedId, uniqueId, event.getChannel());
        }
    }

    /**
     * Whether the channel is the second half of one of the call's own Local channels: an agent
     * whose device is {@code Local/1001@phones} is two channels, {@code ...;1} (the leg the adapter
     * originated) and {@code ...;2}, and both carry the Dial up's linked id.
     */
    private boolean isOtherHalfOfLeg(String callIdValue, String channel) {
        String pair = localPair(channel);
        TrackedCall call = pair == null ? null : registry.call(new CallId(callIdValue));
        if (call == null) {
            return false;
        }
        for (Leg leg : call.legs) {
            if (pair.equals(localPair(leg.channel))) {
                return true;
            }
        }
        return false;
    }

    /** A Local channel's name without its half ({@code Local/1001@phones-00000005}), else {@code null}. */
    static String localPair(String channel) {
        if (channel == null || !channel.regionMatches(true, 0, "Local/", 0, 6) || channel.length() < 3) {
            return null;
        }
        int semicolon = channel.length() - 2;
        char half = channel.charAt(channel.length() - 1);
        return channel.charAt(semicolon) == ';' && (half == '1' || half == '2') ? channel.substring(0, semicolon) : null;
    }

    private void adoptCustomerLeg(String callIdValue, String uniqueId, String channel) {
        TrackedCall call = registry.call(new CallId(callIdValue));
        if (call != null && call.direction == Direction.OUTBOUND && call.customer == null
                && registry.leg(uniqueId) == null && !registry.recentlyGone(uniqueId)) {
            registry.addLeg(call, uniqueId, Role.CUSTOMER, null, channel);
        }
    }

    private void onNewState(NewStateEvent event, Instant at, List<CallEvent> out) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg == null) {
            return;
        }
        if (event.getChannel() != null) {
            leg.channel = event.getChannel();
        }
        if (isRinging(event.getChannelState(), event.getChannelStateDesc()) && !leg.ringingReported) {
            leg.ringingReported = true;
            String party = leg.role == Role.CUSTOMER ? leg.call.customerNumber : leg.device.value();
            if (party != null && !party.isBlank()) {
                out.add(new CallEvent.CallRinging(leg.call.id, party, at));
            }
        }
    }

    /**
     * {@code Dial()} of a Dial up's agent leg names the customer's channel for certain
     * ({@code DestUniqueid}); a channel taken for the customer before by its linked id alone is
     * dropped if it is another one.
     */
    private void onDialBegin(DialBeginEvent event) {
        Leg leg = registry.leg(event.getUniqueId());
        String destination = blankToNull(event.getDestUniqueId());
        if (leg == null || leg.role != Role.AGENT || destination == null) {
            return;
        }
        TrackedCall call = leg.call;
        if (call.direction == Direction.OUTBOUND && call.customer != null && !call.everAnswered
                && !destination.equals(call.customer.uniqueId)) {
            registry.dropLeg(call.customer);
        }
        adoptCustomerLeg(call.id.value(), destination, firstNonBlank(event.getDestChannel(), event.getDestination()));
    }

    private void onDialEnd(DialEndEvent event) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg == null || leg.role != Role.AGENT || leg.call.direction != Direction.OUTBOUND) {
            return;
        }
        EndCause outcome = dialOutcome(event.getDialStatus());
        if (outcome != null) {
            leg.call.dialOutcome = outcome;
        }
    }

    private void onBridgeEnter(BridgeEnterEvent event, Instant at, List<CallEvent> out) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg == null) {
            return;
        }
        if (event.getChannel() != null) {
            leg.channel = event.getChannel();
        }
        leg.bridgeId = blankToNull(event.getBridgeUniqueId());
        evaluateBridges(leg.call, at, out);
    }

    /**
     * Who of customer and agent leaves their bridge first says who ended a talking call: a
     * customer behind a Local channel (or a trunk that reports late) may be hung up only after
     * the agent's leg, which {@code Dial()} or {@code Bridge()} ended because the customer left.
     */
    private void onBridgeLeave(BridgeLeaveEvent event) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg == null) {
            return;
        }
        TrackedCall call = leg.call;
        if (call.phase == Phase.TALKING && call.customer != null && call.customer.sharesBridgeWith(call.agent)) {
            call.customerLeftFirst = leg == call.customer;
        }
        leg.bridgeId = null;
    }

    /** Who shares a bridge with whom decides whether the call is answered, retrieved or transferred. */
    private void evaluateBridges(TrackedCall call, Instant at, List<CallEvent> out) {
        Leg customer = call.customer;
        Leg agent = call.agent;
        Leg consult = call.consult;
        call.customerLeftFirst = false;
        if (customer != null && customer.sharesBridgeWith(consult)) {
            DeviceId from = call.transferFrom != null ? call.transferFrom : agent != null ? agent.device : null;
            if (agent != null && agent != consult) {
                agent.retired = true;
            }
            call.agent = consult;
            call.consult = null;
            call.consultAnswered = false;
            call.transferFrom = null;
            call.agentHungUpFirst = false;
            call.phase = Phase.TALKING;
            call.everAnswered = true;
            out.add(new CallEvent.CallTransferred(call.id, from != null ? from : consult.device, consult.device, at));
        } else if (customer != null && customer.sharesBridgeWith(agent) && !agent.retired) {
            if (call.phase == Phase.WAITING || call.phase == Phase.DIALING) {
                call.phase = Phase.TALKING;
                call.everAnswered = true;
                out.add(new CallEvent.CallAnswered(call.id, agent.device, at));
            } else if (call.phase == Phase.HELD) {
                call.phase = Phase.TALKING;
                out.add(new CallEvent.CallRetrieved(call.id, at));
            }
        } else if (agent != null && agent.sharesBridgeWith(consult) && !call.consultAnswered) {
            call.consultAnswered = true;
            out.add(new CallEvent.ConsultAnswered(call.id, consult.device, at));
        }
    }

    private void onMusicOnHoldStart(MusicOnHoldStartEvent event, Instant at, List<CallEvent> out) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg != null && leg.role == Role.CUSTOMER && leg.call.phase == Phase.TALKING) {
            leg.call.phase = Phase.HELD;
            leg.call.customerLeftFirst = false;
            out.add(new CallEvent.CallHeld(leg.call.id, at));
        }
    }

    private void onMusicOnHoldStop(MusicOnHoldStopEvent event, Instant at, List<CallEvent> out) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg != null && leg.role == Role.CUSTOMER && leg.call.phase == Phase.HELD
                && leg.call.agent != null && leg.sharesBridgeWith(leg.call.agent)) {
            leg.call.phase = Phase.TALKING;
            out.add(new CallEvent.CallRetrieved(leg.call.id, at));
        }
    }

    private void onHangup(HangupEvent event, Instant at, List<CallEvent> out) {
        String uniqueId = blankToNull(event.getUniqueId());
        Leg leg = registry.leg(uniqueId);
        registry.channelGone(uniqueId);
        if (leg != null && leg.role == Role.CUSTOMER && contexts.announce().equals(event.getContext())) {
            // Disconnect: the dialplan hangs the customer up after the announcement
            leg.call.agentHungUpFirst = true;
        }
        if (leg != null) {
            legGone(leg, event.getCause(), legEndCause(event.getCause()), at, out);
        }
    }

    /**
     * A leg of a call ended (hung up, or never set up).
     *
     * @param hangupCause the Q.850 cause Asterisk reported, for the customer's leg
     * @param legCause    what the end of an agent or consult leg means
     */
    private void legGone(Leg leg, Integer hangupCause, EndCause legCause, Instant at, List<CallEvent> out) {
        TrackedCall call = leg.call;
        if (registry.call(call.id) != call) {
            return;
        }
        switch (leg.role) {
            case CUSTOMER -> end(call, customerEndCause(call, hangupCause), at, out);
            case AGENT, CONSULT -> {
                if (leg.role == Role.CONSULT && leg != call.agent) {
                    consultGone(leg, legCause, at, out);
                    return;
                }
                if (leg.retired || leg != call.agent) {
                    return;
                }
                if (call.direction == Direction.OUTBOUND && call.customer == null) {
                    end(call, call.requestedEnd != null ? call.requestedEnd : legCause, at, out);
                } else if (call.phase == Phase.WAITING) {
                    // Confirm did not reach the agent (busy, rang out, unreachable): the caller keeps waiting.
                    call.agent = null;
                    out.add(new CallEvent.ConnectFailed(call.id, leg.device, legCause, at));
                } else if (!call.customerLeftFirst) {
                    call.agentHungUpFirst = true;
                    if (call.phase == Phase.HELD && call.consult == null && call.customer != null) {
                        // the agent put the phone down while the caller was on hold: nothing in the
                        // dialplan ends the caller's music, so the call is ended here
                        legsToEnd.add(call.customer.channel != null ? call.customer.channel : call.customer.uniqueId);
                    }
                }
            }
        }
    }

    /**
     * The consulted agent's leg ended before the transfer connected. If the first agent hung up
     * meanwhile (the dialplan would have handed the customer to the consulted agent), nobody is
     * left for the held customer, who waits again for the next agent (still on hold music, where
     * a Confirm's {@code Bridge()} finds them as in the waiting context).
     */
    private void consultGone(Leg leg, EndCause legCause, Instant at, List<CallEvent> out) {
        TrackedCall call = leg.call;
        if (leg != call.consult) {
            return;
        }
        call.consult = null;
        call.consultAnswered = false;
        if (!leg.retired) {
            out.add(new CallEvent.ConsultFailed(call.id, leg.device, legCause, at));
        }
        if (call.phase == Phase.HELD && call.agentHungUpFirst && call.customer != null) {
            call.phase = Phase.WAITING;
            call.agent = null;
            call.agentHungUpFirst = false;
            out.add(new CallEvent.CallRequeued(call.id, at));
        }
    }

    /**
     * Asterisk asks a channel to hang up; with Cause {@value #SOFT_HANGUP_SHUTDOWN} because it
     * shuts down: its calls end because of the PBX, whoever's channel goes first.
     */
    private void onSoftHangupRequest(SoftHangupRequestEvent event) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg != null && event.getCause() != null && event.getCause() == SOFT_HANGUP_SHUTDOWN) {
            leg.call.pbxShutdown = true;
        }
    }

    /**
     * {@code Event: Shutdown}: Asterisk hung up every channel (reported before) and closes AMI.
     * A call still tracked (its hangups were not sent to this session) ends now.
     */
    private void onShutdown(Instant at, List<CallEvent> out) {
        for (TrackedCall call : List.copyOf(registry.calls())) {
            call.pbxShutdown = true;
            end(call, customerEndCause(call, null), at, out);
        }
    }

    private void end(TrackedCall call, EndCause cause, Instant at, List<CallEvent> out) {
        for (Leg leg : call.legs) {
            if (leg.role != Role.CUSTOMER) {
                legsToEnd.add(leg.channel != null ? leg.channel : leg.uniqueId);
            }
        }
        registry.removeCall(call);
        out.add(new CallEvent.CallEnded(call.id, cause, at));
    }

    private void onOriginateResponse(OriginateResponseEvent event, Instant at, List<CallEvent> out) {
        if (!"Failure".equalsIgnoreCase(event.getResponse())) {
            return;
        }
        Leg leg = registry.leg(blankToNull(event.getUniqueId()));
        if (leg == null) {
            leg = pendingLegFor(event.getChannel());
        }
        if (leg != null) {
            registry.channelGone(leg.uniqueId);
            legGone(leg, null, originateFailureCause(event.getReason()), at, out);
        }
    }

    /** A failed originate may carry no channel id: find the one leg still waiting for that device. */
    private Leg pendingLegFor(String device) {
        if (device == null) {
            return null;
        }
        Leg found = null;
        for (TrackedCall call : registry.calls()) {
            for (Leg leg : call.legs) {
                if (leg.channel == null && leg.device != null && leg.device.value().equalsIgnoreCase(device)) {
                    if (found != null) {
                        return null;
                    }
                    found = leg;
                }
            }
        }
        return found;
    }

    private void onDeviceStateChange(DeviceStateChangeEvent event, Instant at, List<CallEvent> out) {
        String device = blankToNull(event.getDevice());
        if (device == null || device.chars().anyMatch(Character::isWhitespace)) {
            return;
        }
        out.add(new CallEvent.DeviceStateChanged(new DeviceId(device), DeviceStates.parse(event.getState()), at));
    }

    private void onRename(RenameEvent event) {
        Leg leg = registry.leg(event.getUniqueId());
        if (leg != null && event.getNewname() != null) {
            leg.channel = event.getNewname();
        }
    }

    // ---- resynchronisation ----

    /**
     * Brings the registry in line with the PBX's channel listing ({@code CoreShowChannels}) taken
     * after a (re)connect, and returns the call events the application missed: calls that ended
     * meanwhile, calls that arrived, answers, holds and retrievals. Run on the event thread at the
     * point of the event stream where the listing completed, so live events before it are already
     * applied and those after it follow.
     */
    public List<CallEvent> reconcile(Collection<CoreShowChannelEvent> listing) {
        Instant at = clock.instant();
        Map<String, CoreShowChannelEvent> byUniqueId = new HashMap<>();
        for (CoreShowChannelEvent channel : listing) {
            String uniqueId = blankToNull(channel.getUniqueid());
            if (uniqueId != null) {
                byUniqueId.put(uniqueId, channel);
            }
        }
        List<CallEvent> out = new ArrayList<>();
        synchronized (registry) {
            for (TrackedCall call : registry.calls()) {
                reconcileKnown(call, byUniqueId, at, out);
            }
            // calls adopted from the listing are reported, and so routed, in their order of arrival at the PBX
            List<String> byCreation = new ArrayList<>(byUniqueId.keySet());
            byCreation.sort(ChannelAge.byCreation());
            for (String uniqueId : byCreation) {
                reconcileUnknown(byUniqueId.get(uniqueId), byUniqueId.values(), arrival(uniqueId, at), out);
            }
        }
        return out;
    }

    /** When a listed channel arrived at the PBX, as its unique id says ({@link ChannelAge#arrival}); never after the listing. */
    private static Instant arrival(String uniqueId, Instant listedAt) {
        Instant arrival = ChannelAge.of(uniqueId).map(ChannelAge::arrival).orElse(listedAt);
        return arrival.isAfter(listedAt) ? listedAt : arrival;
    }

    private void reconcileKnown(TrackedCall call, Map<String, CoreShowChannelEvent> listing, Instant at,
                                List<CallEvent> out) {
        for (Leg leg : List.copyOf(call.legs)) {
            CoreShowChannelEvent channel = listing.get(leg.uniqueId);
            boolean present = channel != null
                    && (leg.channel == null || channel.getChannel() == null || leg.channel.equals(channel.getChannel()));
            if (present) {
                leg.channel = channel.getChannel() != null ? channel.getChannel() : leg.channel;
                leg.bridgeId = blankToNull(channel.getBridgeid());
            } else {
                registry.channelGone(leg.uniqueId);
                legVanished(leg, at, out);
                if (registry.call(call.id) != call) {
                    return;
                }
            }
        }
        if (call.direction == Direction.OUTBOUND && call.customer == null) {
            for (CoreShowChannelEvent channel : listing.values()) {
                if (call.id.value().equals(channel.getLinkedid()) && registry.leg(channel.getUniqueid()) == null) {
                    Leg customer = registry.addLeg(call, channel.getUniqueid(), Role.CUSTOMER, null, channel.getChannel());
                    customer.bridgeId = blankToNull(channel.getBridgeid());
                }
            }
        }
        adoptAgentBridgedElsewhere(call, listing.values());
        evaluateBridges(call, at, out);
        Leg customer = call.customer;
        if (customer != null && call.phase == Phase.TALKING && !customer.sharesBridgeWith(call.agent)
                && isMusicOnHold(listing.get(customer.uniqueId))) {
            call.phase = Phase.HELD;
            out.add(new CallEvent.CallHeld(call.id, at));
        }
    }

    /**
     * The customer shares a bridge with a channel the adapter did not originate (another
     * application server connected the call while this one was away): that channel is the
     * call's agent now.
     */
    private void adoptAgentBridgedElsewhere(TrackedCall call, Collection<CoreShowChannelEvent> listing) {
        Leg customer = call.customer;
        if (customer == null || customer.bridgeId == null || customer.sharesBridgeWith(call.agent)
                || customer.sharesBridgeWith(call.consult)) {
            return;
        }
        for (CoreShowChannelEvent other : listing) {
            String uniqueId = blankToNull(other.getUniqueid());
            DeviceId device = deviceOf(other.getChannel());
            if (uniqueId != null && device != null && customer.bridgeId.equals(blankToNull(other.getBridgeid()))
                    && registry.leg(uniqueId) == null) {
                if (call.agent != null) {
                    call.agent.retired = true;
                }
                Leg agent = registry.addLeg(call, uniqueId, Role.AGENT, device, other.getChannel());
                agent.bridgeId = customer.bridgeId;
                call.agent = agent;
                return;
            }
        }
    }

    /** A leg the adapter knew is not on the PBX any more; how it ended is unknown. */
    private void legVanished(Leg leg, Instant at, List<CallEvent> out) {
        TrackedCall call = leg.call;
        switch (leg.role) {
            case CUSTOMER -> end(call, vanishedCallCause(call), at, out);
            case AGENT -> legGone(leg, null, call.requestedEnd != null ? call.requestedEnd
                    : call.dialOutcome != null ? call.dialOutcome : EndCause.FAILED, at, out);
            case CONSULT -> legGone(leg, null, EndCause.FAILED, at, out);
        }
    }

    private static EndCause vanishedCallCause(TrackedCall call) {
        if (call.requestedEnd != null) {
            return call.requestedEnd;
        }
        if (call.agentHungUpFirst) {
            return EndCause.AGENT_HANGUP;
        }
        if (!call.everAnswered && call.dialOutcome != null) {
            return call.dialOutcome;
        }
        return EndCause.FAILED;
    }

    /** A customer waiting (or talking) in the inbound context that arrived while the adapter was away. */
    private void reconcileUnknown(CoreShowChannelEvent channel, Collection<CoreShowChannelEvent> listing, Instant at,
                                  List<CallEvent> out) {
        String uniqueId = channel.getUniqueid();
        if (registry.leg(uniqueId) == null && !registry.recentlyGone(uniqueId)
                && contexts.hold().equals(channel.getContext())) {
            adoptHeld(channel, listing);
            return;
        }
        if (registry.leg(uniqueId) != null || registry.recentlyGone(uniqueId)
                || !contexts.inbound().equals(channel.getContext()) || isOuterHalfOfWaitingCaller(channel, listing)) {
            return;
        }
        CallId id = new CallId(firstNonBlank(channel.getLinkedid(), uniqueId));
        if (registry.call(id) != null) {
            return;
        }
        TrackedCall call = registry.addCall(id, Direction.INBOUND, Phase.WAITING);
        call.callerNumber = number(channel.getCallerIdNum());
        call.customerNumber = firstNonBlank(channel.getExten(), channel.getExtension(), "");
        Leg customer = registry.addLeg(call, uniqueId, Role.CUSTOMER, null, channel.getChannel());
        customer.bridgeId = blankToNull(channel.getBridgeid());
        out.add(new CallEvent.CallArrived(id, call.callerNumber, call.customerNumber, at));
        if (customer.bridgeId == null) {
            return;
        }
        for (CoreShowChannelEvent other : listing) {
            if (other != channel && customer.bridgeId.equals(blankToNull(other.getBridgeid()))
                    && registry.leg(other.getUniqueid()) == null) {
                DeviceId device = deviceOf(other.getChannel());
                if (device != null) {
                    Leg agent = registry.addLeg(call, other.getUniqueid(), Role.AGENT, device, other.getChannel());
                    agent.bridgeId = customer.bridgeId;
                    call.agent = agent;
                    evaluateBridges(call, at, out);
                    return;
                }
            }
        }
    }

    /**
     * A customer on hold, listed by a PBX this adapter did not hear put them there (the node
     * restarted): the call is taken back under control, so that Retrieve, transfer and Hang up
     * work and the customer's hang-up ends it. Its agent's leg is the one waiting in the
     * agent-wait context in the same call (the PBX gave it the customer's Linkedid when they were
     * bridged). Nothing is reported: the application put the call on hold and knows it.
     */
    private void adoptHeld(CoreShowChannelEvent channel, Collection<CoreShowChannelEvent> listing) {
        String linkedId = firstNonBlank(channel.getLinkedid(), channel.getUniqueid());
        CallId id = new CallId(linkedId);
        if (registry.call(id) != null) {
            return;
        }
        CoreShowChannelEvent agentLeg = null;
        for (CoreShowChannelEvent other : listing) {
            if (other != channel && contexts.agentWait().equals(other.getContext())
                    && linkedId.equals(firstNonBlank(other.getLinkedid(), other.getUniqueid()))
                    && registry.leg(other.getUniqueid()) == null && deviceOf(other.getChannel()) != null) {
                agentLeg = other;
                break;
            }
        }
        if (agentLeg == null) {
            return; // no agent waits for this customer: the reconciler sees to the call
        }
        // the call's id is its oldest channel's: the customer's for a call that came in
        Direction direction = linkedId.equals(channel.getUniqueid()) ? Direction.INBOUND : Direction.OUTBOUND;
        TrackedCall call = registry.addCall(id, direction, Phase.HELD);
        call.callerNumber = number(channel.getCallerIdNum());
        call.customerNumber = firstNonBlank(channel.getExten(), channel.getExtension(), "");
        registry.addLeg(call, channel.getUniqueid(), Role.CUSTOMER, null, channel.getChannel());
        call.agent = registry.addLeg(call, agentLeg.getUniqueid(), Role.AGENT, deviceOf(agentLeg.getChannel()),
                agentLeg.getChannel());
    }

    /**
     * A caller who reached the inbound context through a Local channel is two channels listed
     * there: {@code ;2} runs the inbound dialplan (it raised {@code CallDeskWaiting}, hears the
     * music, is bridged with the agent), {@code ;1} is the Local channel's outer end. Only the
     * {@code ;2} half is the customer, wherever the dialplan has taken it since.
     */
    private boolean isOuterHalfOfWaitingCaller(CoreShowChannelEvent channel, Collection<CoreShowChannelEvent> listing) {
        String name = channel.getChannel();
        String pair = localPair(name);
        if (pair == null || !name.endsWith(";1")) {
            return false;
        }
        for (CoreShowChannelEvent other : listing) {
            if (other != channel && other.getChannel() != null && other.getChannel().endsWith(";2")
                    && pair.equals(localPair(other.getChannel()))) {
                return true;
            }
        }
        return false;
    }

    // ---- cause and value mapping ----

    /**
     * Why the call ended, when the customer's channel hangs up: the application's own request
     * first, then how dialling an outbound customer ended, then the Hangup cause, where normal
     * clearing (16, or 0 when Asterisk set none) is the customer's doing unless the call's agent
     * hung up before.
     */
    static EndCause customerEndCause(TrackedCall call, Integer hangupCause) {
        if (call.requestedEnd != null) {
            return call.requestedEnd;
        }
        if (call.pbxShutdown) {
            return EndCause.PBX_SHUTDOWN;
        }
        if (!call.everAnswered && call.dialOutcome != null) {
            return call.dialOutcome;
        }
        int cause = hangupCause == null ? 0 : hangupCause;
        return switch (cause) {
            case 0, 16 -> call.agentHungUpFirst ? EndCause.AGENT_HANGUP : EndCause.CUSTOMER_HANGUP;
            case 17 -> EndCause.BUSY;
            case 18, 19 -> EndCause.NO_ANSWER;
            default -> EndCause.FAILED;
        };
    }

    /** What the end of an agent's or consulted agent's leg means: normal clearing is that agent's doing. */
    static EndCause legEndCause(Integer hangupCause) {
        int cause = hangupCause == null ? 0 : hangupCause;
        return switch (cause) {
            case 0, 16 -> EndCause.AGENT_HANGUP;
            case 17 -> EndCause.BUSY;
            case 18, 19 -> EndCause.NO_ANSWER;
            default -> EndCause.FAILED;
        };
    }

    /** {@code OriginateResponse} Reason codes (Asterisk's control frames) for a leg that never came up. */
    static EndCause originateFailureCause(Integer reason) {
        int code = reason == null ? 0 : reason;
        return switch (code) {
            case 5 -> EndCause.BUSY;
            // 1: the phone hung up (declined) while ringing; 3: it rang out
            case 1, 3 -> EndCause.NO_ANSWER;
            default -> EndCause.FAILED;
        };
    }

    private static EndCause dialOutcome(String dialStatus) {
        if (dialStatus == null) {
            return null;
        }
        return switch (dialStatus.trim().toUpperCase(Locale.ROOT)) {
            case "BUSY" -> EndCause.BUSY;
            case "NOANSWER" -> EndCause.NO_ANSWER;
            case "CHANUNAVAIL", "CONGESTION" -> EndCause.FAILED;
            case "CANCEL" -> EndCause.AGENT_HANGUP;
            default -> null;
        };
    }

    private static boolean isRinging(Integer state, String description) {
        if (state != null) {
            return state == STATE_RING || state == STATE_RINGING;
        }
        return "Ringing".equalsIgnoreCase(description) || "Ring".equalsIgnoreCase(description);
    }

    private static boolean isMusicOnHold(CoreShowChannelEvent channel) {
        return channel != null && "MusicOnHold".equalsIgnoreCase(channel.getApplication());
    }

    /**
     * The device of an agent's channel: Asterisk names a channel after its device plus a
     * sequence ({@code PJSIP/1001-0000002a}).
     */
    public static DeviceId deviceOf(String channel) {
        if (channel == null || channel.isBlank() || channel.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        int dash = channel.lastIndexOf('-');
        int slash = channel.indexOf('/');
        String device = dash > slash && slash > 0 ? channel.substring(0, dash) : channel;
        return new DeviceId(device);
    }

    /** When the PBX reported the event: its {@code Timestamp} header if enabled, else when it was read. */
    private Instant timeOf(ManagerEvent event) {
        Double timestamp = event.getTimestamp();
        if (timestamp != null) {
            long seconds = (long) Math.floor(timestamp);
            long nanos = Math.round((timestamp - seconds) * 1_000_000) * 1_000L;
            return Instant.ofEpochSecond(seconds, nanos);
        }
        if (event.getDateReceived() != null) {
            return event.getDateReceived().toInstant();
        }
        return clock.instant();
    }

    /** A caller id number as the application sees it: Asterisk's placeholder for "none" becomes empty. */
    private static String number(String callerIdNum) {
        if (callerIdNum == null || callerIdNum.isBlank() || "<unknown>".equalsIgnoreCase(callerIdNum.trim())) {
            return "";
        }
        return callerIdNum.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || "<null>".equals(value) ? null : value.trim();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (blankToNull(value) != null) {
                return value.trim();
            }
        }
        return "";
    }
}
