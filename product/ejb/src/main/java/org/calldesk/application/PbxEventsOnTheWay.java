package org.calldesk.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.calldesk.domain.model.call.QueuePlace;

/**
 * The PBX events this node put on the PBX events queue that are not applied yet: what the
 * application's committed rows do not say yet, although the PBX said it.
 *
 * <p>The queue's sessions apply the events of different calls in parallel, and after an outage
 * (the broker, the node) a whole batch of them at once: a caller who reached the PBX later can be
 * recorded before one who reached it earlier. Routing asks {@link #arrivalsBefore} so that it
 * does not offer the later caller while the earlier one is still on its way (the waiting calls'
 * order is their arrival at the PBX, whatever order their records are committed in); the
 * reconciler asks {@link #hasEventsFor} so that it does not end a call whose own events, its end
 * among them perhaps, still wait on the queue.
 *
 * <p>Every node receives every PBX event from its own adapter and queues it, so each node knows
 * all of them; but a copy queued here may be applied by another node (the broker keeps the first
 * copy of an event). Hence what is still on its way is confirmed against the committed rows
 * before it holds anything back ({@link #arrivalRecorded}, {@link #forgetApplied}), and an event
 * not applied {@link #PATIENCE} after the broker took it is no longer waited for (applied by
 * another node, or a message that could not be applied: the reconciler repairs what it said).
 *
 * <p>Thread-safe. Kept in memory: a node started again does not know what the process before it
 * queued (the queue keeps those events, and applies them first).
 */
@ApplicationScoped
public class PbxEventsOnTheWay {

    private static final Logger LOG = Logger.getLogger(PbxEventsOnTheWay.class.getName());

    /**
     * How long after the broker took an event it is waited for: the queue applies what it holds
     * within seconds once its consumer runs. A database outage is waited out in place for as long
     * as it lasts: the patience runs only from the last time an event was seen waiting for the
     * database ({@link #databaseAwaited}).
     */
    public static final Duration PATIENCE = Duration.ofMinutes(2);

    /** One queued event of a call: its id (or {@code null}) and when it was queued. */
    private record Queued(String eventId, Instant queuedAt) {
    }

    /**
     * A caller whose arrival is on its way.
     *
     * @param pbxCallId the PBX's id of the call
     * @param dialled   the number the caller dialled, which says the service
     * @param at        when the caller reached the PBX, as the PBX said
     */
    public record Arrival(String pbxCallId, String dialled, Instant at) {
    }

    /** A call's events on their way, and its arrival if that is among them. */
    private static final class OnTheWay {
        final List<Queued> events = new ArrayList<>(2);
        Arrival arrival;
        boolean heldRoutingBack;
    }

    private final Map<String, OnTheWay> byCall = new HashMap<>();
    private final Clock clock;
    /** When an event was last seen waiting for the database; null if never. */
    private Instant databaseAwaitedAt;

    public PbxEventsOnTheWay() {
        this(Clock.systemUTC());
    }

    public PbxEventsOnTheWay(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /**
     * The event is about to be put on the queue; it stays on its way until applied, also when the
     * send fails (the adapter keeps it and delivers it again, in its order, while events of other
     * calls delivered meanwhile may be applied before it). An event queued again (by its id) is
     * counted once. Events of no call ({@code pbxCallId} null) are not tracked.
     *
     * @param arrival the caller's arrival, if the event says the caller reached the PBX; else null
     */
    public synchronized void queued(String pbxCallId, String eventId, Arrival arrival) {
        if (pbxCallId == null) {
            return;
        }
        OnTheWay call = byCall.computeIfAbsent(pbxCallId, id -> new OnTheWay());
        if (eventId == null || call.events.stream().noneMatch(queued -> eventId.equals(queued.eventId()))) {
            call.events.add(new Queued(eventId, clock.instant()));
        }
        if (arrival != null && (call.arrival == null || arrival.at().isBefore(call.arrival.at()))) {
            call.arrival = arrival;
        }
    }

    /**
     * The broker took the event (the send returned): its patience counts from now, not from
     * the start of a send that waited for the broker to come back.
     */
    public synchronized void sent(String pbxCallId, String eventId) {
        OnTheWay call = pbxCallId == null ? null : byCall.get(pbxCallId);
        if (call == null) {
            return; // applied already
        }
        Instant now = clock.instant();
        for (int i = call.events.size() - 1; i >= 0; i--) {
            if (Objects.equals(call.events.get(i).eventId(), eventId)) {
                call.events.set(i, new Queued(eventId, now));
                return;
            }
        }
    }

    /**
     * The event was applied (its transaction committed), or found applied already.
     *
     * @param arrival whether the event was the caller's arrival
     */
    public synchronized void applied(String pbxCallId, String eventId, boolean arrival) {
        if (pbxCallId == null) {
            return;
        }
        OnTheWay call = byCall.get(pbxCallId);
        if (call == null) {
            return; // queued by another node
        }
        Iterator<Queued> events = call.events.iterator();
        while (events.hasNext()) {
            if (Objects.equals(events.next().eventId(), eventId)) {
                events.remove();
                break;
            }
        }
        if (arrival) {
            call.arrival = null;
        }
        if (call.events.isEmpty()) {
            byCall.remove(pbxCallId);
        }
    }

    /**
     * The callers who reached the PBX before {@code instant} and whose arrival is still on its way,
     * in their order in the queue ({@link QueuePlace}).
     */
    public synchronized List<Arrival> arrivalsBefore(Instant instant) {
        giveUpOnOld();
        List<Arrival> earlier = new ArrayList<>();
        for (OnTheWay call : byCall.values()) {
            if (call.arrival != null && call.arrival.at().isBefore(instant)) {
                earlier.add(call.arrival);
            }
        }
        earlier.sort(Comparator.comparingLong((Arrival arrival) -> QueuePlace.of(arrival.pbxCallId(), arrival.at())));
        return earlier;
    }

    /** The call's arrival is in the committed rows (another node applied it): it no longer holds anything back. */
    public synchronized void arrivalRecorded(String pbxCallId) {
        OnTheWay call = byCall.get(pbxCallId);
        if (call != null) {
            call.arrival = null;
        }
    }

    /**
     * Routing waits for this caller's arrival: true the first time it is told, so that the wait is
     * logged once per caller.
     */
    public synchronized boolean holdsRoutingBack(String pbxCallId) {
        OnTheWay call = byCall.get(pbxCallId);
        if (call == null || call.heldRoutingBack) {
            return false;
        }
        call.heldRoutingBack = true;
        return true;
    }

    /** Whether events of this call are still on their way. */
    public synchronized boolean hasEventsFor(String pbxCallId) {
        giveUpOnOld();
        OnTheWay call = byCall.get(pbxCallId);
        return call != null && !call.events.isEmpty();
    }

    /**
     * Forgets the call's events that another node applied, as the committed rows say by their
     * ids; events without an id are only given up on with age.
     */
    public synchronized void forgetApplied(String pbxCallId, Predicate<String> appliedById) {
        OnTheWay call = byCall.get(pbxCallId);
        if (call == null) {
            return;
        }
        call.events.removeIf(queued -> queued.eventId() != null && appliedById.test(queued.eventId()));
        if (call.events.isEmpty()) {
            byCall.remove(pbxCallId);
        }
    }

    /**
     * An event waits for the database (it is away, or its schema not migrated yet): nothing on
     * its way is given up on until {@link #PATIENCE} after the last such word, since the events
     * behind it wait too.
     */
    public synchronized void databaseAwaited() {
        databaseAwaitedAt = clock.instant();
    }

    /** How many events are on their way, for health and the logs. */
    public synchronized int size() {
        return byCall.values().stream().mapToInt(call -> call.events.size()).sum();
    }

    private void giveUpOnOld() {
        Instant tooOld = clock.instant().minus(PATIENCE);
        if (databaseAwaitedAt != null && !databaseAwaitedAt.isBefore(tooOld)) {
            return; // the events wait for the database: not lost, only late
        }
        int before = 0;
        int after = 0;
        Iterator<Map.Entry<String, OnTheWay>> calls = byCall.entrySet().iterator();
        while (calls.hasNext()) {
            OnTheWay call = calls.next().getValue();
            before += call.events.size();
            call.events.removeIf(queued -> queued.queuedAt().isBefore(tooOld));
            after += call.events.size();
            if (call.events.isEmpty()) {
                calls.remove();
            }
        }
        int given = before - after;
        if (given > 0) {
            LOG.info(() -> given + " PBX events queued by this node were not applied here within " + PATIENCE.toSeconds()
                    + " s (another node applied them, or they could not be applied); no longer waiting for them");
        }
    }
}
