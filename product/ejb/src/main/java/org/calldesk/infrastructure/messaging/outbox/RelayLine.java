package org.calldesk.infrastructure.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The events this application instance committed and has not published yet, in commit order,
 * and whether a relay thread publishes them. One thread at a time, so events leave in the order
 * their transactions committed.
 */
@ApplicationScoped
public class RelayLine {

    private final ArrayDeque<OutboxEvent> events = new ArrayDeque<>();

    private boolean relaying;

    /** Adds a committed transaction's events. @return whether the caller must start a relay thread */
    public synchronized boolean add(Collection<OutboxEvent> committed) {
        events.addAll(committed);
        if (relaying || events.isEmpty()) {
            return false;
        }
        relaying = true;
        return true;
    }

    /**
     * Up to {@code max} events for the relay thread, oldest first; empty: none is left and the
     * thread must stop (the next {@link #add} starts another).
     */
    public synchronized List<OutboxEvent> next(int max) {
        List<OutboxEvent> batch = new ArrayList<>(Math.min(max, events.size()));
        while (batch.size() < max && !events.isEmpty()) {
            batch.add(events.poll());
        }
        if (batch.isEmpty()) {
            relaying = false;
        }
        return batch;
    }

    /**
     * The relay thread failed: what it had not published stays in the database for the sweep;
     * the next {@link #add} starts another thread.
     */
    public synchronized void abandon() {
        relaying = false;
    }

    /** Events waiting here (for diagnostics and tests). */
    public synchronized int size() {
        return events.size();
    }
}
