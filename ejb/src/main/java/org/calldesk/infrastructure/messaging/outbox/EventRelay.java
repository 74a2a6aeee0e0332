package org.calldesk.infrastructure.messaging.outbox;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.infrastructure.messaging.jms.JmsSender;

/**
 * Publishes outbox events on the events topic: each batch in one transaction that deletes the
 * events' rows and sends them, so an event leaves the outbox exactly when it is on the topic.
 * Batches are as large as what waits (up to {@value #MAX_BATCH}), so under load one broker and
 * database commit carries many events.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());

    static final int MAX_BATCH = 500;

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    RelayLine line;

    @Inject
    JmsSender sender;

    /** Publishes what this instance committed, on this thread, until nothing is left; see {@link EventOutbox}. */
    @Asynchronous
    public void relayWhileWaiting() {
        EventRelay self = context.getBusinessObject(EventRelay.class);
        try {
            for (List<OutboxEvent> batch = line.next(MAX_BATCH); !batch.isEmpty(); batch = line.next(MAX_BATCH)) {
                self.publishOrLeave(batch);
            }
        } catch (RuntimeException | Error e) {
            line.abandon();
            throw e;
        }
    }

    /**
     * Publishes the events, or, if that fails, leaves them in the outbox for the sweep.
     *
     * @return how many were published by this call
     */
    public int publishOrLeave(List<OutboxEvent> events) {
        EventRelay self = context.getBusinessObject(EventRelay.class);
        try {
            try {
                return self.publish(events);
            } catch (EventOutboxStore.ClaimConflict e) {
                return self.publishEach(events); // the sweep of another instance took some of them
            }
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "{0} events could not be published now; they stay in the outbox for the sweep: {1}",
                    new Object[] {events.size(), e.getMessage()});
            return 0;
        }
    }

    /** Claims all the events at once and sends them, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publish(List<OutboxEvent> events) {
        return send(new EventOutboxStore(em).claim(events));
    }

    /** Claims the events one by one, sends those claimed, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publishEach(List<OutboxEvent> events) {
        return send(new EventOutboxStore(em).claimEach(events));
    }

    /** Events left in the outbox before {@code before}, by any instance, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<OutboxEvent> leftBefore(java.time.Instant before, int max) {
        return new EventOutboxStore(em).writtenBefore(before, max);
    }

    private int send(List<OutboxEvent> claimed) {
        sender.toEventTopic(claimed.stream()
                .map(event -> new JmsSender.Outgoing(event.body(), event.properties()))
                .toList());
        return claimed.size();
    }
}
