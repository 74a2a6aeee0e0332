package org.calldesk.infrastructure.messaging.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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

    /** The key of the transaction's list of events in the synchronization registry. */
    private static final Object EVENTS = new Object();

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    RelayLine line;

    @Inject
    EventRelay relay;

    Clock clock = Clock.systemUTC();

    /** Writes the event in the caller's transaction, which must be active; see the class comment. */
    public void publish(String subjectKind, String subjectId, String eventType, String body) {
        OutboxEvent event = new OutboxEvent(subjectKind, subjectId, eventType, body, clock.instant());
        new EventOutboxStore(em).record(event);
        eventsOfThisTransaction().add(event);
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> eventsOfThisTransaction() {
        List<OutboxEvent> events = (List<OutboxEvent>) transactions.getResource(EVENTS);
        if (events == null) {
            List<OutboxEvent> created = new ArrayList<>();
            transactions.putResource(EVENTS, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before: the rows are flushed with the transaction's other changes
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        committed(created);
                    }
                }
            });
            events = created;
        }
        return events;
    }

    /**
     * Only the asynchronous relay is started here: a synchronous business method called while
     * the transaction completes makes the container resume that transaction afterwards, which
     * fails. If it cannot be started the rows stay for the sweep.
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
