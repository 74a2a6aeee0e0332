package org.calldesk.connector.ami;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallEventListener;

/**
 * Hands call events to the message-driven beans, on the container's threads, in order per call.
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
 * endpoint in the order the PBX reported them, while different calls are delivered in parallel
 * on as many container threads as the WorkManager grants. The lane's running flag only changes
 * inside {@link ConcurrentHashMap#compute}, which makes "queue empty, so stop" and "lane idle, so
 * start" atomic with respect to each other; idle lanes are removed, so ended calls leave nothing
 * behind. Order across different keys is not promised (the application re-orders per call on its
 * own queue anyway).
 *
 * <p>Each event goes to every active endpoint (several MDBs may listen at once). While all
 * instances of an endpoint are busy the lane waits for one; an endpoint that throws is logged
 * and does not keep the event from the others.
 */
final class CallEventDelivery {

    private static final Logger LOG = Logger.getLogger(CallEventDelivery.class.getName());
    private static final String CONNECTION_KEY = "pbx-connection";
    /** The longest pause between two attempts to get a busy endpoint. */
    private static final long MAX_PAUSE_MILLIS = 50;

    private final WorkManager workManager;
    private final Supplier<Collection<MessageEndpointFactory>> endpoints;
    private final Map<Object, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** An event and the id every node connected to the same PBX gives it ({@code null}: none). */
    private record Reported(CallEvent event, String id) {
    }

    /** The events of one ordering key, and whether a Work is draining them. */
    private static final class Lane {
        final Queue<Reported> events = new ConcurrentLinkedQueue<>();
        /** Only read and written inside {@code lanes.compute} for this lane's key. */
        boolean draining;
    }

    CallEventDelivery(WorkManager workManager, Supplier<Collection<MessageEndpointFactory>> endpoints) {
        this.workManager = Objects.requireNonNull(workManager, "workManager is required");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints is required");
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
    void publish(CallEvent event, String id) {
        Objects.requireNonNull(event, "event is required");
        if (closed) {
            return;
        }
        Object key = keyOf(event);
        boolean[] mustStart = new boolean[1];
        lanes.compute(key, (k, lane) -> {
            Lane target = lane == null ? new Lane() : lane;
            target.events.add(new Reported(event, id));
            if (!target.draining) {
                target.draining = true;
                mustStart[0] = true;
            }
            return target;
        });
        if (mustStart[0]) {
            start(key);
        }
    }

    /** Stops delivering: events not yet delivered are dropped, Works in progress end after their current event. */
    void close() {
        closed = true;
        lanes.clear();
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

    private void start(Object key) {
        try {
            workManager.scheduleWork(new DrainLane(key), WorkManager.INDEFINITE, null, new WorkAdapter() {
                @Override
                public void workRejected(WorkEvent event) {
                    rejected(key, event.getException());
                }
            });
        } catch (WorkException e) {
            rejected(key, e);
        }
    }

    /**
     * The container would not run the delivery (overloaded or shutting down). The events stay
     * queued and the lane is marked idle, so the next event of the same key schedules it again.
     */
    private void rejected(Object key, Exception cause) {
        lanes.computeIfPresent(key, (k, lane) -> {
            lane.draining = false;
            return lane;
        });
        if (!closed) {
            LOG.log(Level.WARNING, "The WorkManager rejected the delivery of PBX events for " + key
                    + "; they will be delivered with the next event of the same call", cause);
        }
    }

    /** Delivers the events of one lane in order until it is empty. */
    private final class DrainLane implements Work {
        private final Object key;
        private volatile boolean released;

        DrainLane(Object key) {
            this.key = key;
        }

        @Override
        public void run() {
            while (!closed && !released) {
                Lane lane = lanes.get(key);
                Reported event = lane == null ? null : lane.events.poll();
                if (event != null) {
                    deliver(event.event(), event.id());
                } else if (finished()) {
                    return;
                }
            }
            lanes.computeIfPresent(key, (k, lane) -> {
                lane.draining = false;
                return lane;
            });
        }

        /** Atomically: if nothing arrived meanwhile, the lane goes (and is idle); otherwise keep draining. */
        private boolean finished() {
            boolean[] done = new boolean[1];
            lanes.computeIfPresent(key, (k, lane) -> {
                if (lane.events.isEmpty()) {
                    done[0] = true;
                    return null;
                }
                return lane;
            });
            return done[0] || !lanes.containsKey(key);
        }

        @Override
        public void release() {
            released = true;
        }
    }

    private void deliver(CallEvent event, String id) {
        for (MessageEndpointFactory factory : endpoints.get()) {
            MessageEndpoint endpoint;
            try {
                endpoint = endpointOf(factory);
            } catch (UnavailableException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not obtain a message endpoint from " + factory.getEndpointClass()
                        + " for " + event, e);
                continue;
            }
            if (endpoint == null) {
                continue; // closed, or the endpoint was deactivated meanwhile
            }
            try {
                ((CallEventListener) endpoint).onCallEvent(event, id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Message endpoint " + factory.getEndpointClass() + " failed on " + event, e);
            } finally {
                endpoint.release();
            }
        }
    }

    /**
     * An endpoint of the factory, waiting while every instance of the message-driven bean is busy
     * (the container says so with {@link UnavailableException}): under load that is a moment's
     * wait, and dropping the event instead lost calls (seen in the benchmark). Gives up only
     * when the delivery closes or the endpoint is deactivated.
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
                if (closed || !endpoints.get().contains(factory)) {
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
}
