package org.calldesk.infrastructure.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.calldesk.infrastructure.kit.AfterCommit;

/**
 * Publishes events on the events topic exactly when the transaction that made the change
 * commits, without making that transaction a two-phase one across the database and the broker:
 * the event is written to the outbox table in the transaction, and handed to the relay of this
 * instance once the transaction committed ({@link EventRelay}), which publishes and deletes it in
 * a transaction of its own, many events at a time. If this instance stops in between, another
 * instance's sweep publishes what it left ({@link EventOutboxSweeper}).
 */
@ApplicationScoped
public class EventOutbox {

    /** The key of the transaction's batch of events ({@link AfterCommit#collect}). */
    private static final Object EVENTS = new Object();

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    @Inject
    AfterCommit afterCommit;

    @Inject
    RelayLine line;

    @Inject
    EventRelay relay;

    Clock clock = Clock.systemUTC();

    /** Writes the event in the caller's transaction, which must be active; see the class comment. */
    public void publish(String subjectKind, String subjectId, String eventType, String body) {
        OutboxEvent event = new OutboxEvent(subjectKind, subjectId, eventType, body, clock.instant());
        new EventOutboxStore(em).record(event);
        afterCommit.collect(EVENTS, event, this::committed);
    }

    /**
     * Only the asynchronous relay is started here (see {@link AfterCommit}); if it cannot be
     * started the rows stay for the sweep.
     */
    private void committed(List<OutboxEvent> events) {
        if (line.add(events)) {
            try {
                relay.relayWhileWaiting();
            } catch (RuntimeException e) {
                line.abandon();
                throw e;
            }
        }
    }
}
