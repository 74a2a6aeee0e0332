package org.calldesk.connector.ami.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.EndCause;
import org.calldesk.connector.api.PbxException;

/**
 * What the adapter knows about the calls on the PBX: which channels make up each call, and
 * what the application asked for. Asterisk speaks of channels; the application of calls. The
 * call controls must name channels in their AMI actions (the customer's channel to hold it, the
 * agent's to hang it up), and the event mapper must know which channel is whose to tell a
 * customer hanging up from an agent doing so. This registry is where both meet, so it belongs
 * to the resource adapter and outlives pooled connections and reconnects.
 *
 * <p>Thread-safe: the event session's dispatch thread and application threads (through
 * connection handles) use it at once. Every method holds the registry's monitor; the
 * {@link AmiEventMapper} holds it too while it applies one event, so an event and a call control
 * never see each other half done. Mutable {@link TrackedCall}s and {@link Leg}s never leave the
 * package; call controls get immutable {@link CallView} snapshots.
 */
public final class CallRegistry {

    /** Who started the call. */
    public enum Direction { INBOUND, OUTBOUND }

    /** Where the customer is, as far as the adapter has seen. */
    public enum Phase {
        /** Inbound: in the waiting context with music, no agent yet. */
        WAITING,
        /** Outbound: the agent's phone or the customer's rings. */
        DIALING,
        /** Customer and agent share a bridge. */
        TALKING,
        /** The customer hears music; the agent (and perhaps a consulted agent) waits. */
        HELD
    }

    /** The part a channel plays in its call. */
    public enum Role { CUSTOMER, AGENT, CONSULT }

    /**
     * The channel id of every leg the adapter originates starts so, then names the leg's part and
     * the call: {@code calldesk-a-<uuid>-<call>} (agent), {@code calldesk-c-<uuid>-<call>}
     * (consultation), {@code calldesk-o-<uuid>} (Dial up, whose call id it is).
     */
    static final String LEG_PREFIX = "calldesk-";
    private static final int UUID_LENGTH = 36;

    /** A leg the adapter of some application node originated, as its channel id says. */
    public record PlacedLeg(CallId call, Role role) {
    }

    /** How many hung-up channel ids to remember, so a late listing cannot revive them. */
    private static final int GONE_MEMORY = 2048;

    /**
     * Channel ids of legs whose {@code Originate} the PBX did not answer in time (or whose link
     * failed while it was sent): the PBX may still place them, later. The application was told
     * the leg failed, so such a leg is never adopted; the event session hangs it up when it shows.
     */
    private final Set<String> abandoned = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > GONE_MEMORY;
        }
    });

    private final Map<CallId, TrackedCall> calls = new ConcurrentHashMap<>();
    private final Map<String, Leg> legsByUniqueId = new ConcurrentHashMap<>();
    private final Set<String> recentlyGone = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > GONE_MEMORY;
        }
    });

    /** One channel of a call. Guarded by the registry's monitor. */
    static final class Leg {
        final String uniqueId;
        final Role role;
        /** The agent's phone for agent and consult legs; {@code null} for the customer. */
        final DeviceId device;
        final TrackedCall call;
        /** Asterisk's channel name; {@code null} until the PBX reported the channel. */
        String channel;
        String bridgeId;
        boolean ringingReported;
        /** Left the call on the application's request (transfer, cancelled consult): its hangup is expected. */
        boolean retired;

        Leg(String uniqueId, Role role, DeviceId device, TrackedCall call, String channel) {
            this.uniqueId = Objects.requireNonNull(uniqueId, "uniqueId is required");
            this.role = Objects.requireNonNull(role, "role is required");
            this.device = device;
            this.call = Objects.requireNonNull(call, "call is required");
            this.channel = channel;
        }

        boolean sharesBridgeWith(Leg other) {
            return other != null && bridgeId != null && bridgeId.equals(other.bridgeId);
        }
    }

    /** One customer call. Guarded by the registry's monitor. */
    static final class TrackedCall {
        final CallId id;
        final Direction direction;
        final List<Leg> legs = new ArrayList<>();
        Phase phase;
        /** Inbound: the caller's number. */
        String callerNumber;
        /** Outbound: the number the agent dials; inbound: the service number the customer dialled. */
        String customerNumber;
        Leg customer;
        Leg agent;
        Leg consult;
        boolean consultAnswered;
        boolean everAnswered;
        /** The agent leg currently talking (or holding) hung up while the customer was still there. */
        boolean agentHungUpFirst;
        /** The agent the customer is being transferred away from, until the transfer bridge forms. */
        DeviceId transferFrom;
        /** Set when the application itself ended the call (hang up, disconnect). */
        EndCause requestedEnd;
        /** Outbound: how dialling the customer ended (DialEnd), if not answered. */
        EndCause dialOutcome;
        /** The customer left the bridge with the agent before the agent did (BridgeLeave): its hang-up, not the agent's. */
        boolean customerLeftFirst;
        /** Asterisk is shutting down and hangs the call up (SoftHangupRequest, Shutdown). */
        boolean pbxShutdown;

        TrackedCall(CallId id, Direction direction, Phase phase) {
            this.id = Objects.requireNonNull(id, "id is required");
            this.direction = Objects.requireNonNull(direction, "direction is required");
            this.phase = Objects.requireNonNull(phase, "phase is required");
        }
    }

    /**
     * An immutable picture of a call's channels, for the call controls. Channel names are
     * {@code null} where the call has no such leg (or the PBX has not reported it yet).
     */
    public record CallView(CallId id, Direction direction, Phase phase, String customerChannel, String agentChannel,
                    DeviceId agentDevice, String consultChannel, DeviceId consultDevice, boolean consultAnswered,
                    String callerNumber) {
    }

    // ---- queries and changes for the call controls ----

    public synchronized Optional<CallView> view(CallId id) {
        return Optional.ofNullable(calls.get(id)).map(CallRegistry::viewOf);
    }

    /** The call, or {@link PbxException.UnknownCall} if the adapter does not know it (any more). */
    public synchronized CallView require(CallId id) throws PbxException.UnknownCall {
        TrackedCall call = calls.get(Objects.requireNonNull(id, "call is required"));
        if (call == null) {
            throw new PbxException.UnknownCall(id);
        }
        return viewOf(call);
    }

    /**
     * Dial up: remember the call before the PBX is asked to place it, so its first events find it.
     * The agent's leg has the call's id as Asterisk channel id, which makes it the call's linked id.
     */
    public synchronized void registerOutbound(CallId id, DeviceId agentDevice, String customerNumber) {
        trackOutbound(id, agentDevice, null, customerNumber);
    }

    /** A new Dial up, tracked with its agent leg, whose channel id is the call's id. */
    private TrackedCall trackOutbound(CallId id, DeviceId agentDevice, String channel, String customerNumber) {
        TrackedCall call = new TrackedCall(id, Direction.OUTBOUND, Phase.DIALING);
        call.customerNumber = customerNumber;
        calls.put(id, call);
        call.agent = addLeg(call, id.value(), Role.AGENT, agentDevice, channel);
        return call;
    }

    /**
     * The channel id for an agent or consultation leg about to be originated: it tells every node
     * connected to the PBX which call the leg belongs to and what part it plays, from the PBX's
     * first event about it.
     */
    public static String newLegChannelId(CallId call, Role role) {
        if (role == Role.CUSTOMER) {
            throw new IllegalArgumentException("the adapter originates agent and consultation legs, not customers");
        }
        return LEG_PREFIX + (role == Role.AGENT ? "a-" : "c-") + UUID.randomUUID() + "-" + call.value();
    }

    /** A new Dial up's id: the channel id of its agent leg, which Asterisk makes the linked id of every leg. */
    public static CallId newDialUpId() {
        return new CallId(LEG_PREFIX + "o-" + UUID.randomUUID());
    }

    /** The call and part a leg's channel id names, if an adapter (of any node) originated it. */
    public static Optional<PlacedLeg> placedLeg(String uniqueId) {
        if (uniqueId == null || !uniqueId.startsWith(LEG_PREFIX) || uniqueId.length() < LEG_PREFIX.length() + 2 + UUID_LENGTH) {
            return Optional.empty();
        }
        int kind = LEG_PREFIX.length();
        int callStart = kind + 2 + UUID_LENGTH + 1;
        return switch (uniqueId.substring(kind, kind + 2)) {
            case "o-" -> uniqueId.length() == callStart - 1
                    ? Optional.of(new PlacedLeg(new CallId(uniqueId), Role.AGENT)) : Optional.empty();
            case "a-", "c-" -> uniqueId.length() > callStart && uniqueId.charAt(callStart - 1) == '-'
                    ? Optional.of(new PlacedLeg(new CallId(uniqueId.substring(callStart)),
                            uniqueId.charAt(kind) == 'a' ? Role.AGENT : Role.CONSULT))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * Connect: the agent leg about to be originated for a waiting caller. An earlier agent leg that
     * never reached the customer (an offer that timed out) is retired; its channel is returned so
     * the caller can stop it ringing.
     */
    public synchronized Optional<String> addAgentLeg(CallId id, String uniqueId, DeviceId device)
            throws PbxException.UnknownCall {
        Leg replaced = attachAgent(requireTracked(id), uniqueId, device, null);
        return Optional.ofNullable(replaced).map(leg -> leg.channel);
    }

    /** Transfer try: the consultation leg about to be originated. */
    public synchronized void addConsultLeg(CallId id, String uniqueId, DeviceId device) throws PbxException.UnknownCall {
        attachConsult(requireTracked(id), uniqueId, device, null);
    }

    /**
     * A leg that another application node originated, seen in the PBX's first event about it
     * ({@code Newchannel}): taken on as that node took it on, so that this node reads the call's
     * events as that node does and can control the call too (and go on doing so if that node
     * stops). A Dial up another node placed becomes a call here. Nothing is adopted for a call
     * this adapter does not know, or for a leg it knows or saw hang up.
     *
     * @return the leg, or {@code null} if nothing was adopted
     */
    synchronized Leg adopt(String uniqueId, DeviceId device, String channel) {
        Optional<PlacedLeg> placed = placedLeg(uniqueId);
        if (placed.isEmpty() || device == null || legsByUniqueId.containsKey(uniqueId) || recentlyGone.contains(uniqueId)
                || abandoned.contains(uniqueId)) {
            return null;
        }
        CallId id = placed.get().call();
        if (id.value().equals(uniqueId)) {
            if (calls.containsKey(id)) {
                return null;
            }
            return trackOutbound(id, device, channel, null).agent;
        }
        TrackedCall call = calls.get(id);
        if (call == null) {
            return null;
        }
        if (placed.get().role() == Role.CONSULT) {
            return attachConsult(call, uniqueId, device, channel);
        }
        attachAgent(call, uniqueId, device, channel);
        return call.agent;
    }

    /** The call's new agent leg; returns the one it replaced if that never reached the customer. */
    private Leg attachAgent(TrackedCall call, String uniqueId, DeviceId device, String channel) {
        Leg replaced = null;
        if (call.agent != null && call.phase == Phase.WAITING) {
            call.agent.retired = true;
            replaced = call.agent;
        }
        call.agent = addLeg(call, uniqueId, Role.AGENT, device, channel);
        call.agentHungUpFirst = false;
        return replaced;
    }

    private Leg attachConsult(TrackedCall call, String uniqueId, DeviceId device, String channel) {
        call.consult = addLeg(call, uniqueId, Role.CONSULT, device, channel);
        call.consultAnswered = false;
        return call.consult;
    }

    /** The PBX refused to originate a leg: forget it (and an outbound call that has no other leg). */
    public synchronized void originateRefused(String uniqueId) {
        Leg leg = legsByUniqueId.remove(uniqueId);
        if (leg == null) {
            return;
        }
        TrackedCall call = leg.call;
        call.legs.remove(leg);
        if (call.agent == leg) {
            call.agent = null;
        }
        if (call.consult == leg) {
            call.consult = null;
        }
        if (call.direction == Direction.OUTBOUND && call.customer == null && call.agent == null) {
            calls.remove(call.id);
        }
    }

    /**
     * The PBX did not answer a leg's {@code Originate} (in time): the application was told it
     * failed, yet the PBX may place it. Forgotten as a refused leg, and remembered as unwanted.
     *
     * @return the leg's channel name if the PBX reported it already, else its channel id
     */
    public synchronized String originateAbandoned(String uniqueId) {
        Leg leg = legsByUniqueId.get(uniqueId);
        String channel = leg != null && leg.channel != null ? leg.channel : uniqueId;
        originateRefused(uniqueId);
        abandoned.add(uniqueId);
        return channel;
    }

    /** Whether the channel is a leg whose Originate went unanswered (see {@link #originateAbandoned}). */
    synchronized boolean abandoned(String uniqueId) {
        return uniqueId != null && abandoned.contains(uniqueId);
    }

    /** An abandoned leg hung up: nothing more to do about it. */
    synchronized void abandonedGone(String uniqueId) {
        abandoned.remove(uniqueId);
    }

    /** The application ends the call itself; the hangups that follow are its doing, not the customer's. */
    public synchronized void endRequested(CallId id, EndCause cause) {
        TrackedCall call = calls.get(id);
        if (call != null) {
            call.requestedEnd = cause;
        }
    }

    /** Transfer connect: the first agent's leg leaves; the consulted agent takes over when bridged. */
    public synchronized void transferCompleting(CallId id) {
        TrackedCall call = calls.get(id);
        if (call != null && call.agent != null && call.consult != null) {
            call.transferFrom = call.agent.device;
            call.agent.retired = true;
        }
    }

    /** Transfer connect failed on the PBX: the first agent stays the call's agent. */
    public synchronized void transferAborted(CallId id) {
        TrackedCall call = calls.get(id);
        if (call != null && call.agent != null && call.transferFrom != null) {
            call.agent.retired = false;
            call.transferFrom = null;
        }
    }

    /** Transfer cancel: the consultation leg's hangup is the application's doing, not a failure. */
    public synchronized void consultCancelling(CallId id) {
        TrackedCall call = calls.get(id);
        if (call != null && call.consult != null) {
            call.consult.retired = true;
        }
    }

    /** How many calls are tracked (for tests and diagnostics). */
    public synchronized int size() {
        return calls.size();
    }

    // ---- used by the event mapper, which holds the monitor while it applies an event ----

    synchronized TrackedCall call(CallId id) {
        return calls.get(id);
    }

    synchronized Leg leg(String uniqueId) {
        return uniqueId == null ? null : legsByUniqueId.get(uniqueId);
    }

    synchronized Collection<TrackedCall> calls() {
        return List.copyOf(calls.values());
    }

    synchronized TrackedCall addCall(CallId id, Direction direction, Phase phase) {
        TrackedCall call = new TrackedCall(id, direction, phase);
        calls.put(id, call);
        return call;
    }

    synchronized Leg addLeg(TrackedCall call, String uniqueId, Role role, DeviceId device, String channel) {
        Leg leg = new Leg(uniqueId, role, device, call, channel);
        call.legs.add(leg);
        legsByUniqueId.put(uniqueId, leg);
        if (role == Role.CUSTOMER) {
            call.customer = leg;
        }
        return leg;
    }

    /** A channel taken for a leg of the call is not one: forget it (it may still be up, for something else). */
    synchronized void dropLeg(Leg leg) {
        TrackedCall call = leg.call;
        legsByUniqueId.remove(leg.uniqueId, leg);
        call.legs.remove(leg);
        if (call.customer == leg) {
            call.customer = null;
        }
        if (call.agent == leg) {
            call.agent = null;
        }
        if (call.consult == leg) {
            call.consult = null;
        }
    }

    /** The channel hung up: it no longer belongs to any call, and must not come back from a listing. */
    synchronized void channelGone(String uniqueId) {
        if (uniqueId == null) {
            return;
        }
        recentlyGone.add(uniqueId);
        Leg leg = legsByUniqueId.remove(uniqueId);
        if (leg != null) {
            leg.call.legs.remove(leg);
        }
    }

    synchronized boolean recentlyGone(String uniqueId) {
        return recentlyGone.contains(uniqueId);
    }

    /** The call is over: forget it and every leg it still had. */
    synchronized void removeCall(TrackedCall call) {
        calls.remove(call.id, call);
        for (Leg leg : call.legs) {
            legsByUniqueId.remove(leg.uniqueId, leg);
            recentlyGone.add(leg.uniqueId);
        }
        call.legs.clear();
    }

    private TrackedCall requireTracked(CallId id) throws PbxException.UnknownCall {
        TrackedCall call = calls.get(Objects.requireNonNull(id, "call is required"));
        if (call == null) {
            throw new PbxException.UnknownCall(id);
        }
        return call;
    }

    private static CallView viewOf(TrackedCall call) {
        return new CallView(call.id, call.direction, call.phase,
                call.customer == null ? null : call.customer.channel,
                call.agent == null ? null : call.agent.channel,
                call.agent == null ? null : call.agent.device,
                call.consult == null ? null : call.consult.channel,
                call.consult == null ? null : call.consult.device,
                call.consultAnswered,
                call.callerNumber);
    }
}
