package org.calldesk.application.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.AppliedPbxEvents;
import org.calldesk.application.CallEventService;
import org.calldesk.application.CallReconciler;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.application.PbxGateway;
import org.calldesk.application.pbx.CallEndCause;
import org.calldesk.application.pbx.ChannelOnPbx;
import org.calldesk.application.pbx.EventLink;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.call.CallStatus;

/**
 * The reconciler: lists the PBX's channels and compares them with the open calls. Three repairs:
 * <ul>
 * <li>an open call whose customer has no channel on the PBX (a Dial up not yet dialling: whose
 * agent leg is gone too) ended while nobody watched: it ends, as the PBX would have reported (its
 * agent to the finish prompt, an offer withdrawn);</li>
 * <li>a connected call (Talking or on hold) whose caller waits in the queue's context on the PBX
 * again, with no agent leg (the agent's leg went and no event said so): the caller goes back to
 * routing at its place, by arrival, and its agent to the finish prompt; a Confirmed call whose
 * caller waits so while no leg rings its agent goes back to routing too, its agent to Rest;</li>
 * <li>an agent leg the application placed whose call is over, or is not that agent's, is hung up
 * (it would keep the phone busy, or put a second call on it);</li>
 * <li>a caller waiting on the PBX that the application never recorded is recorded, at its arrival
 * at the PBX, and so routed in its turn.</li>
 * </ul>
 * The PBX's events may lag the listing (they wait in the adapter or on the queue during an
 * outage, or wait on the queue while the application starts), so a repair is made only when runs
 * have found the same drift for {@link #CONFIRMATION} at least, and only for channels and calls
 * older than {@link #MARGIN}; and none while the adapter's event session is down or events wait
 * in it to be delivered (a broker outage), when the application's view is known to lag. Nor is a
 * call ended while events of it this node queued are not applied yet ({@link PbxEventsOnTheWay}:
 * they wait on the queue, its end among them perhaps), however long that lasts; the drift's
 * confirmation starts again once they are applied. Each repair is logged once, at WARNING, with
 * the call's id, and counted in {@link #status()}.
 *
 * <p>Runs one at a time (the timer every few seconds, and after each login of the adapter). Each
 * repair is applied in a transaction of its own, through {@link CallEventService} for the calls.
 */
@Singleton
@Local(CallReconciler.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultCallReconciler implements CallReconciler {

    private static final Logger LOG = Logger.getLogger(DefaultCallReconciler.class.getName());

    /** How old a call or channel must be before its drift counts: younger ones may still be on their way. */
    static final Duration MARGIN = Duration.ofSeconds(10);
    private static final int MAX_CALLS = 1000;

    final PbxGateway pbx;
    final CallRepository calls;
    final AgentRepository agents;
    final CallEventService callEvents;
    final PbxEventsOnTheWay onTheWay;
    final AppliedPbxEvents applied;
    final Clock clock;

    /** For the container's proxies; the instance that serves comes from the injecting constructor. */
    public DefaultCallReconciler() {
        this(null, null, null, null, null, null, Clock.systemUTC());
    }

    @Inject
    public DefaultCallReconciler(PbxGateway pbx, CallRepository calls, AgentRepository agents,
                                 CallEventService callEvents, PbxEventsOnTheWay onTheWay, AppliedPbxEvents applied) {
        this(pbx, calls, agents, callEvents, onTheWay, applied, Clock.systemUTC());
    }

    /** With another clock (tests). */
    DefaultCallReconciler(PbxGateway pbx, CallRepository calls, AgentRepository agents, CallEventService callEvents,
                          PbxEventsOnTheWay onTheWay, AppliedPbxEvents applied, Clock clock) {
        this.pbx = pbx;
        this.calls = calls;
        this.agents = agents;
        this.callEvents = callEvents;
        this.onTheWay = onTheWay;
        this.applied = applied;
        this.clock = clock;
    }

    /** How long a drift must last, seen by two runs at least this far apart, before it is repaired. */
    static final Duration CONFIRMATION = Duration.ofSeconds(5);

    /** The drifts found so far, by kind and subject, and when first; forgotten when a run no longer finds them. */
    private Map<String, Instant> suspects = Map.of();
    private final AtomicLong callsEnded = new AtomicLong();
    private final AtomicLong legsHungUp = new AtomicLong();
    private final AtomicLong callersRecorded = new AtomicLong();
    private final AtomicLong callersRequeued = new AtomicLong();
    private volatile Instant lastRun;
    private volatile String lastOutcome = "not run yet";
    /** Calls of the current run left alone because events of theirs are not applied yet. */
    private int held;

    @Override
    public synchronized void reconcile() {
        Instant now = clock.instant();
        lastRun = now;
        EventLink events = pbx.eventLink();
        if (!events.up() || events.waiting() > 0) {
            // the application's view lags behind the PBX by what has not reached it: nothing to conclude
            suspects = Map.of();
            lastOutcome = "not compared: " + (events.up() ? events.waiting() + " PBX events wait to be delivered"
                    : events.detail());
            return;
        }
        List<ChannelOnPbx> channels;
        try {
            channels = pbx.channels();
        } catch (PbxRefusal | RuntimeException e) {
            lastOutcome = "could not list the PBX's channels: " + e.getMessage();
            LOG.log(Level.FINE, "reconciler: {0}", lastOutcome);
            return;
        }
        Set<String> found = new HashSet<>();
        Map<String, Runnable> repairs = new LinkedHashMap<>(); // in the order found: callers by arrival
        try {
            held = 0;
            callsGone(channels, now, found, repairs);
            strayLegs(channels, found, repairs);
            unknownCallers(channels, now, found, repairs);
        } catch (RuntimeException e) {
            lastOutcome = "could not read the open calls: " + e.getMessage();
            LOG.log(Level.FINE, "reconciler: {0}", lastOutcome);
            return;
        }
        int repaired = 0;
        Map<String, Instant> stillSuspect = new HashMap<>();
        for (String drift : found) {
            stillSuspect.put(drift, suspects.getOrDefault(drift, now));
        }
        for (Map.Entry<String, Runnable> repair : repairs.entrySet()) {
            if (!stillSuspect.get(repair.getKey()).plus(CONFIRMATION).isAfter(now)) {
                try {
                    repair.getValue().run();
                    repaired++;
                    stillSuspect.remove(repair.getKey());
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "reconciler: repair " + repair.getKey() + " failed; tried again next run", e);
                }
            }
        }
        suspects = stillSuspect;
        lastOutcome = channels.size() + " PBX channels compared, " + repaired + " repaired"
                + (held > 0 ? ", " + held + " calls left alone while their events wait on the queue" : "");
    }

    @Override
    public Status status() {
        return new Status(Optional.ofNullable(lastRun), lastOutcome, callsEnded.get(), legsHungUp.get(),
                callersRecorded.get(), callersRequeued.get());
    }

    /** Open calls of which the PBX has no channel. */
    private void callsGone(List<ChannelOnPbx> channels, Instant now, Set<String> found, Map<String, Runnable> repairs) {
        // the customer's side decides; an agent leg alone keeps only a Dial up that has not dialled the customer yet
        Set<String> customerOnPbx = new HashSet<>();
        Set<String> agentLegOnPbx = new HashSet<>();
        Set<String> waitingOnPbx = new HashSet<>();
        channels.forEach(channel -> {
            (channel.part() == ChannelOnPbx.Part.AGENT_LEG ? agentLegOnPbx : customerOnPbx).add(channel.call().value());
            if (channel.part() == ChannelOnPbx.Part.CALLER_WAITING && channel.age().compareTo(MARGIN) >= 0) {
                waitingOnPbx.add(channel.call().value());
            }
        });
        for (Call call : calls.activeStartedBefore(now.minus(MARGIN), MAX_CALLS)) {
            boolean callerWaitsAlone = waitingOnPbx.contains(call.pbxCallId()) && !agentLegOnPbx.contains(call.pbxCallId());
            if (callerWaitsAlone && isConnected(call)) {
                callerBackInQueue(call, found, repairs);
                continue;
            }
            if (callerWaitsAlone && call.status() == CallStatus.CONNECTING) {
                connectLost(call, found, repairs);
                continue;
            }
            if (call.awaitsPbxCallId() || customerOnPbx.contains(call.pbxCallId())
                    || (call.status() == CallStatus.DIALING && agentLegOnPbx.contains(call.pbxCallId()))) {
                continue;
            }
            if (eventsOnTheWay(call.pbxCallId())) {
                held++;
                continue; // what the PBX said of it is still on the queue: the rows lag, nothing to conclude
            }
            String key = "gone " + call.id();
            found.add(key);
            repairs.put(key, () -> {
                LOG.warning(() -> "reconciler: call " + call.id() + " (PBX " + call.pbxCallId() + ", " + call.status()
                        + ") is gone from the PBX; ending it" + call.agentId().map(a -> ", agent " + a
                        + " to the finish prompt").orElse(""));
                callEvents.handle(new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.FAILED, now));
                callsEnded.incrementAndGet();
            });
        }
    }

    private static boolean isConnected(Call call) {
        return call.status() == CallStatus.TALKING || call.status() == CallStatus.HOLDING;
    }

    /** A connected call whose caller waits in the queue's context on the PBX, with no agent leg. */
    private void callerBackInQueue(Call call, Set<String> found, Map<String, Runnable> repairs) {
        if (eventsOnTheWay(call.pbxCallId())) {
            held++;
            return;
        }
        String key = "requeue " + call.id();
        found.add(key);
        CallStatus status = call.status();
        Optional<String> agent = call.agentId();
        repairs.put(key, () -> {
            if (callEvents.callerBackInQueue(call.pbxCallId())) {
                LOG.warning(() -> "reconciler: call " + call.id() + " (PBX " + call.pbxCallId() + ", " + status
                        + ") has its caller waiting in the queue on the PBX and no agent leg; back to routing at its"
                        + " place" + agent.map(a -> ", agent " + a + " to the finish prompt").orElse(""));
                callersRequeued.incrementAndGet();
            }
        });
    }

    /**
     * A Confirmed call whose caller still waits in the queue on the PBX while no leg rings its
     * agent (the connect request was lost: the node died, or the database went, between the
     * Confirm and the PBX): as if the agent's phone had not taken it, the caller goes back to
     * routing at its place and the agent to Rest.
     */
    private void connectLost(Call call, Set<String> found, Map<String, Runnable> repairs) {
        Optional<String> device = call.agentId().flatMap(agents::find).map(agent -> agent.device());
        if (device.isEmpty() || eventsOnTheWay(call.pbxCallId())) {
            held += device.isEmpty() ? 0 : 1;
            return;
        }
        String key = "connect " + call.id();
        found.add(key);
        String agent = call.agentId().orElseThrow();
        repairs.put(key, () -> {
            LOG.warning(() -> "reconciler: call " + call.id() + " (PBX " + call.pbxCallId() + ", CONNECTING) has its caller"
                    + " waiting in the queue on the PBX and no leg to agent " + agent + "; back to routing at its place,"
                    + " " + agent + " to Rest");
            callEvents.handle(new PbxReport.ConnectFailed(new PbxCallId(call.pbxCallId()), device.get(),
                    CallEndCause.FAILED, clock.instant()));
            callersRequeued.incrementAndGet();
        });
    }

    /** Whether events of the call that this node queued are not applied yet (by this node or another). */
    private boolean eventsOnTheWay(String pbxCallId) {
        if (!onTheWay.hasEventsFor(pbxCallId)) {
            return false;
        }
        onTheWay.forgetApplied(pbxCallId, applied::applied);
        return onTheWay.hasEventsFor(pbxCallId);
    }

    /** Agent legs the application placed for a call that is over, or that is not that agent's. */
    private void strayLegs(List<ChannelOnPbx> channels, Set<String> found, Map<String, Runnable> repairs) {
        for (ChannelOnPbx leg : channels) {
            if (leg.part() != ChannelOnPbx.Part.AGENT_LEG || leg.age().compareTo(MARGIN) < 0) {
                continue;
            }
            Optional<Call> call = calls.findByPbxCallId(leg.call().value());
            boolean over = call.isEmpty() || call.get().status() == CallStatus.ENDED;
            boolean notTheAgents = !over && leg.device()
                    .flatMap(device -> agents.findByDevice(device))
                    .filter(agent -> !call.get().isHandledBy(agent.id()))
                    .isPresent();
            if (!over && !notTheAgents) {
                continue;
            }
            String key = "leg " + leg.name();
            found.add(key);
            String callId = call.map(Call::id).orElse("(none; PBX " + leg.call().value() + ")");
            repairs.put(key, () -> {
                LOG.warning(() -> "reconciler: agent leg " + leg.name() + " of call " + callId + " is still on the PBX"
                        + (over ? " after the call ended" : " but the call is not its agent's") + "; hanging it up");
                try {
                    pbx.hangupChannel(leg.name());
                } catch (PbxRefusal e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                legsHungUp.incrementAndGet();
            });
        }
    }

    /** Callers waiting on the PBX that the application never recorded. */
    private void unknownCallers(List<ChannelOnPbx> channels, Instant now, Set<String> found, Map<String, Runnable> repairs) {
        List<ChannelOnPbx> byArrival = new java.util.ArrayList<>(channels);
        byArrival.sort(java.util.Comparator.comparing((ChannelOnPbx c) -> c.arrival().orElse(now.minus(c.age()))));
        for (ChannelOnPbx caller : byArrival) {
            if (caller.part() != ChannelOnPbx.Part.CALLER_WAITING || caller.age().compareTo(MARGIN) < 0
                    || calls.findByPbxCallId(caller.call().value()).isPresent()) {
                continue;
            }
            String key = "unknown " + caller.call().value();
            found.add(key);
            Instant arrived = caller.arrival().orElse(now.minus(caller.age()));
            repairs.put(key, () -> {
                LOG.warning(() -> "reconciler: caller " + caller.callerNumber() + " (PBX " + caller.call().value()
                        + ") waits on the PBX since " + arrived + " but was never recorded; recording it for routing");
                callEvents.handle(new PbxReport.CallArrived(caller.call(), caller.callerNumber(), caller.dialled(), arrived));
                callersRecorded.incrementAndGet();
            });
        }
    }
}
