package org.calldesk.infrastructure.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.calldesk.infrastructure.kit.DrainLine;

/**
 * The events this application instance committed and has not published yet, in commit order,
 * and whether a relay thread publishes them. One thread at a time, so events leave in the order
 * their transactions committed ({@link DrainLine}).
 */
@ApplicationScoped
public class RelayLine {

    private final DrainLine<OutboxEvent> events = DrainLine.inOrder();

    /** Adds a committed transaction's events. @return whether the caller must start a relay thread */
    public boolean add(Collection<OutboxEvent> committed) {
        return events.add(committed);
    }

    /**
     * Up to {@code max} events for the relay thread, oldest first; empty: none is left and the
     * thread must stop (the next {@link #add} starts another).
     */
    public List<OutboxEvent> next(int max) {
        return events.take(max);
    }

    /**
     * The relay thread failed: what it had not published stays in the database for the sweep;
     * the next {@link #add} starts another thread.
     */
    public void abandon() {
        events.abandon();
    }

    /** Events waiting here (for diagnostics and tests). */
    public int size() {
        return events.size();
    }
}
