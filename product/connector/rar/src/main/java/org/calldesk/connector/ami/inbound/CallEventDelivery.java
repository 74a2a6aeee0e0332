package org.calldesk.connector.ami.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallEventListener;

/**
 * Hands call events to the message-driven beans, on the container's threads, in order per call,
 * and keeps every event until an endpoint has taken it.
 *
 * <p>Why not deliver straight from the AMI session: asterisk-java's threads belong to the PBX
 * link; an endpoint that blocks (a slow transaction, a full queue) would stall the reading of
 * every other event and its pings. Events are therefore only queued here, and
 * {@link WorkManager#scheduleWork} runs the delivery.
 *
 * <p>Ordering design: one <em>lane</em> per ordering key. The key is the call for call events,
 * the device for device state changes and one shared key for connection lost/restored. Each lane
 * is a FIFO queue with at most one {@link Work} draining it at any time: publishing to an idle
 * lane schedules a Work, which delivers the lane's events one after the other and ends when the
 * lane is empty; publishing to a busy lane only enqueues. So the events of one call reach every
 * endpoint in the order the PBX reported them, while different calls are delivered in parallel.
 *
 * <p>Nothing is dropped: an event that finds no active endpoint (the application is still
 * deploying, or redeploying) or that an endpoint refuses (it threw: the broker is down, the
 * application is not ready) <em>waits</em>. From then on every event goes to one ordered
 * <em>backlog</em>, numbered in the order the PBX reported them, until the backlog is empty again:
 * one Work delivers it oldest first, retrying with a doubling pause (and at once when an endpoint
 * is activated). The backlog keeps the order per call, and across calls too, so calls that
 * arrived while the application could not take them are recorded (and routed) in their order of
 * arrival. The same holds while an endpoint is stuck (a delivery under way for longer than
 * {@code stall}: a broker that is down blocks the send until it is back): events of other calls
 * then wait in the backlog too, rather than block a thread each and go in whatever order the
 * endpoint wakes up in. An event goes to each active endpoint once: one that took it is not given it again
 * when another refused it. The backlog is bounded ({@code capacity}); beyond it an event is
 * dropped with a SEVERE log, and the channel listing of the next login (and the application's
 * reconciler) repairs what it said.
 *
 * <p>All state is guarded by this object's monitor, held only to move events between the queues,
 * never while an endpoint is called.
 */
public final class CallEventDelivery {

    private static final Logger LOG = Logger.getLogger(CallEventDelivery.class.getName());
    private static final String CONNECTION_KEY = "pbx-connection";
    /** The longest pause between two attempts to get a busy endpoint. */
    private static final long MAX_PAUSE_MILLIS = 50;
    /** Events kept while no endpoint takes them; beyond, the next login's channel listing repairs. */
    static final int DEFAULT_CAPACITY = 100_000;
    /** A delivery taking longer than this means the endpoint is stuck (a broker that is down blocks the send). */
    static final Duration DEFAULT_STALL = Duration.ofSeconds(2);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final WorkManager workManager;
    private final Supplier<Collection<MessageEndpointFactory>> endpoints;
    private final Timer timer;
    private final int capacity;
    private final long stallNanos;

    // ---- guarded by this ----
    private final Map<Object, Lane> lanes = new HashMap<>();
    /** Events waiting for an endpoint, by their number: the order the PBX reported them. */
    private final TreeMap<Long, Reported> backlog = new TreeMap<>();
    /** How many events of each key wait in the backlog; later events of such a key wait behind them. */
    private final Map<Object, Integer> waitingPerKey = new HashMap<>();
    private long nextNumber;
    /** A Work delivers the backlog now. */
    private boolean resuming;
    /** A timer task will start delivering the backlog. */
    private boolean retryPending;
    private Duration nextRetry = FIRST_RETRY;
    /** When the current backlog began, for the log; {@code 0} while none. */
    private long waitingSinceMillis;
    private long deliveredFromBacklog;
    private long droppedInEpisode;
    private boolean closed;

    /** An event, the id every node connected to the same PBX gives it ({@code null}: none) and its number. */
    private static final class Reported {
        final CallEvent event;
        final String id;
        final long number;
        final Object key;
        /** The endpoints that took it; only touched by the one Work delivering it. */
        final Set<MessageEndpointFactory> takenBy = new HashSet<>(2);

        Reported(CallEvent event, String id, long number, Object key) {
            this.event = event;
            this.id = id;
            this.number = number;
            this.key = key;
        }
    }

    /** The events of one ordering key, and whether a Work is draining them. */
    private static final class Lane {
        final Queue<Reported> events = new ArrayDeque<>();
        boolean draining;
        /** {@link System#nanoTime()} when its current delivery began; 0 while none is under way. */
        long deliveringSince;
    }

    public CallEventDelivery(WorkManager workManager, Supplier<Collection<MessageEndpointFactory>> endpoints, Timer timer) {
        this(workManager, endpoints, timer, DEFAULT_CAPACITY, DEFAULT_STALL);
    }

    public CallEventDelivery(WorkManager workManager, Supplier<Collection<MessageEndpointFactory>> endpoints, Timer timer,
                      int capacity, Duration stall) {
        this.workManager = Objects.requireNonNull(workManager, "workManager is required");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints is required");
        this.timer = Objects.requireNonNull(timer, "timer is required");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.stallNanos = stall.toNanos();
    }

    /** Queues an event the adapter concluded itself (no id shared across nodes). */
    void publish(CallEvent event) {
        publish(event, null);
    }

    /**
     * Queues the event for delivery; never blocks and never calls an endpoint itself.
     *
     * @param id the event's id, the same on every node connected to the same PBX, or {@code null}
     */
    public void publish(CallEvent event, String id) {
        Objects.requireNonNull(event, "event is required");
        Object key = keyOf(event);
        synchronized (this) {
            if (closed) {
                return;
            }
            Reported reported = new Reported(event, id, nextNumber++, key);
            Lane lane = lanes.get(key);
            boolean laneRunning = lane != null && lane.draining;
            if (waitingPerKey.containsKey(key) || (!laneRunning && (!backlog.isEmpty() || stalled()))) {
                if (backlog.size() >= capacity) {
                    overflow(event);
                } else {
                    keepWaiting(reported);
                    retryLater();
                }
                return;
            }
            if (lane == null) {
                lane = new Lane();
                lanes.put(key, lane);
            }
            lane.events.add(reported);
            if (laneRunning) {
                return;
            }
            lane.draining = true;
        }
        schedule(new DrainLane(key), () -> laneRejected(key));
    }

    /**
     * An endpoint was activated: deliver what waits now rather than at the next retry.
     */
    public void endpointsChanged() {
        synchronized (this) {
            nextRetry = FIRST_RETRY;
        }
        resume();
    }

    /** Whether a delivery is stuck for longer than the stall limit. */
    synchronized boolean isStalled() {
        return stalled();
    }

    /** How many events wait for an endpoint to take them. */
    public synchronized int waiting() {
        return backlog.size();
    }

    /** Stops delivering: events not yet delivered are dropped, Works in progress end after their current event. */
    public void close() {
        synchronized (this) {
            closed = true;
            lanes.clear();
            backlog.clear();
            waitingPerKey.clear();
        }
    }

    private static Object keyOf(CallEvent event) {
        if (event.callId().isPresent()) {
            return event.callId().get();
        }
        if (event instanceof CallEvent.DeviceStateChanged changed) {
            return changed.device();
        }
        return CONNECTION_KEY;
    }

    // ---- the backlog; callers hold the monitor ----

    /**
     * Whether a delivery has been under way for longer than the stall limit. Then the endpoint
     * blocks (the broker is down and its client waits to reconnect): events of other calls wait
     * in the backlog, in order, rather than each block on a thread of its own and go in whatever
     * order the endpoint wakes up in.
     */
    private boolean stalled() {
        long now = System.nanoTime();
        for (Lane lane : lanes.values()) {
            if (lane.deliveringSince != 0 && now - lane.deliveringSince > stallNanos) {
                return true;
            }
        }
        return false;
    }

    private void keepWaiting(Reported reported) {
        if (backlog.isEmpty()) {
            waitingSinceMillis = System.currentTimeMillis();
            deliveredFromBacklog = 0;
            droppedInEpisode = 0;
        }
        backlog.put(reported.number, reported);
        waitingPerKey.merge(reported.key, 1, Integer::sum);
    }

    /** The lane's events, from {@code first} on, go to the backlog, and the lane goes. */
    private void parkLane(Object key, Reported first) {
        if (first != null) {
            keepWaiting(first);
        }
        Lane lane = lanes.remove(key);
        if (lane != null) {
            for (Reported reported : lane.events) {
                keepWaiting(reported);
            }
        }
    }

    private void overflow(CallEvent event) {
        if (droppedInEpisode++ == 0) {
            LOG.severe("PBX events are dropped: " + capacity + " already wait for the application to take them"
                    + " (first dropped: " + event + "). The channel listing at the next PBX login repairs the calls.");
        }
    }

    private void retryLater() {
        if (closed || retryPending || resuming || backlog.isEmpty()) {
            return;
        }
        retryPending = true;
        Duration delay = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextRetry.multipliedBy(2);
        try {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    retryNow();
                }
            }, delay.toMillis());
        } catch (IllegalStateException cancelled) {
            retryPending = false;
            LOG.log(Level.FINE, "The adapter's timer is cancelled; waiting PBX events are delivered on the next event", cancelled);
        }
    }

    private void retryNow() {
        synchronized (this) {
            retryPending = false;
        }
        resume();
    }

    /** Starts the Work that delivers the backlog, unless one runs or nothing waits. */
    private void resume() {
        synchronized (this) {
            if (closed || backlog.isEmpty() || resuming) {
                return;
            }
            resuming = true;
        }
        schedule(new DrainBacklog(), this::backlogRejected);
    }

    // ---- Work ----

    private void schedule(Work work, Runnable onRejected) {
        try {
            workManager.scheduleWork(work, WorkManager.INDEFINITE, null, new WorkAdapter() {
                @Override
                public void workRejected(WorkEvent event) {
                    onRejected.run();
                }
            });
        } catch (WorkException | RuntimeException e) {
            LOG.log(Level.WARNING, "The WorkManager rejected the delivery of PBX events; they wait and are retried", e);
            onRejected.run();
        }
    }

    /** The container would not run a lane's delivery (overloaded or shutting down): its events wait. */
    private void laneRejected(Object key) {
        synchronized (this) {
            if (closed) {
                return;
            }
            parkLane(key, null);
            retryLater();
        }
    }

    private void backlogRejected() {
        synchronized (this) {
            resuming = false;
            retryLater();
        }
    }

    /** Delivers the events of one lane in order until it is empty, or until events wait. */
    private final class DrainLane implements Work {
        private final Object key;
        private volatile boolean released;

        DrainLane(Object key) {
            this.key = key;
        }

        @Override
        public void run() {
            while (!released) {
                Reported next;
                synchronized (CallEventDelivery.this) {
                    Lane lane = lanes.get(key);
                    if (closed || lane == null) {
                        return;
                    }
                    if (!backlog.isEmpty()) {
                        parkLane(key, null); // behind the older events that wait, to keep their order
                        return;
                    }
                    next = lane.events.poll();
                    if (next == null) {
                        lanes.remove(key);
                        return;
                    }
                    lane.deliveringSince = System.nanoTime() | 1; // never 0, which means none
                }
                boolean delivered = deliver(next);
                synchronized (CallEventDelivery.this) {
                    Lane lane = lanes.get(key);
                    if (lane != null) {
                        lane.deliveringSince = 0;
                    }
                }
                if (!delivered) {
                    synchronized (CallEventDelivery.this) {
                        if (!closed) {
                            parkLane(key, next);
                            retryLater();
                        }
                    }
                    return;
                }
            }
            synchronized (CallEventDelivery.this) {
                parkLane(key, null);
                retryLater();
            }
        }

        @Override
        public void release() {
            released = true;
        }
    }

    /** Delivers the backlog oldest first, until it is empty or an event is refused again. */
    private final class DrainBacklog implements Work {
        private volatile boolean released;

        @Override
        public void run() {
            while (true) {
                Reported next;
                synchronized (CallEventDelivery.this) {
                    if (closed || released) {
                        resuming = false;
                        retryLater();
                        return;
                    }
                    Map.Entry<Long, Reported> oldest = backlog.firstEntry();
                    if (oldest == null) {
                        resuming = false;
                        caughtUp();
                        return;
                    }
                    next = oldest.getValue();
                }
                boolean delivered = deliver(next);
                synchronized (CallEventDelivery.this) {
                    if (!delivered) {
                        resuming = false;
                        retryLater();
                        return;
                    }
                    nextRetry = FIRST_RETRY;
                    deliveredFromBacklog++;
                    if (backlog.remove(next.number) != null) {
                        waitingPerKey.computeIfPresent(next.key, (k, n) -> n == 1 ? null : n - 1);
                    }
                }
            }
        }

        @Override
        public void release() {
            released = true;
        }
    }

    /** The backlog is empty again; called holding the monitor. */
    private void caughtUp() {
        long waitedMillis = System.currentTimeMillis() - waitingSinceMillis;
        LOG.info("Delivered " + deliveredFromBacklog + " PBX events that had waited up to " + waitedMillis
                + " ms for the application" + (droppedInEpisode > 0 ? "; " + droppedInEpisode + " were dropped" : ""));
    }

    // ---- calling the endpoints ----

    /**
     * Gives the event to every active endpoint that has not taken it yet.
     *
     * @return whether it is delivered: at least one endpoint is active and every active one took it
     */
    private boolean deliver(Reported reported) {
        Collection<MessageEndpointFactory> active = endpoints.get();
        if (active.isEmpty()) {
            refused(reported, "no message endpoint is active yet", null);
            return false;
        }
        boolean refused = false;
        for (MessageEndpointFactory factory : active) {
            if (reported.takenBy.contains(factory)) {
                continue;
            }
            MessageEndpoint endpoint;
            try {
                endpoint = endpointOf(factory);
            } catch (UnavailableException | RuntimeException e) {
                refused(reported, "could not obtain a message endpoint from " + factory.getEndpointClass(), e);
                refused = true;
                continue;
            }
            if (endpoint == null) {
                continue; // closed, or the endpoint was deactivated meanwhile
            }
            try {
                ((CallEventListener) endpoint).onCallEvent(reported.event, reported.id);
                reported.takenBy.add(factory);
            } catch (RuntimeException e) {
                refused(reported, "message endpoint " + factory.getEndpointClass() + " failed", e);
                refused = true;
            } finally {
                endpoint.release();
            }
        }
        return !refused && !reported.takenBy.isEmpty();
    }

    /** Said at WARNING once per backlog, then at FINE: during an outage every attempt fails alike. */
    private void refused(Reported reported, String why, Exception cause) {
        boolean first;
        synchronized (this) {
            first = backlog.isEmpty() && !resuming;
        }
        LOG.log(first ? Level.WARNING : Level.FINE, "PBX event " + reported.event + ": " + why
                + "; it waits, with the events after it, until the application takes it", cause);
    }

    /**
     * An endpoint of the factory, waiting while every instance of the message-driven bean is busy
     * (the container says so with {@link UnavailableException}): under load that is a moment's
     * wait. Gives up only when the delivery closes or the endpoint is deactivated.
     *
     * @return the endpoint, or {@code null} when closed or deactivated meanwhile
     * @throws UnavailableException when the factory is still active but the wait was interrupted
     */
    private MessageEndpoint endpointOf(MessageEndpointFactory factory) throws UnavailableException {
        long pauseMillis = 1;
        while (true) {
            try {
                return factory.createEndpoint(null);
            } catch (UnavailableException busy) {
                if (isClosed() || !endpoints.get().contains(factory)) {
                    return null;
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }
}
