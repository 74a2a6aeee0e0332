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
 * Publishes outbox events on the events topic, in batches as large as what waits (up to
 * {@value #MAX_BATCH}): first the batch is sent in a transaction of the broker alone, then its
 * rows are deleted in a transaction of the database alone. Neither is a two-phase commit (no
 * transaction log, one broker commit per batch). If the instance stops between the two, or the
 * delete fails, the rows stay and a sweep publishes them again; the broker drops those second
 * copies by the events' duplicate-detection ids, so subscribers get each event once.
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
     * Publishes the events, then forgets them; if publishing fails they stay in the outbox for
     * the sweep. An event the topic has had already (its row outlived its publishing: an
     * instance stopped in between, or the delete failed) makes the broker refuse the whole
     * transaction that sends it again, and the container reports only that the commit failed. So
     * a batch whose transaction fails is sent again one message at a time without a transaction,
     * where the broker drops a copy it has had and takes the others.
     *
     * @return how many events left the outbox by this call
     */
    public int publishOrLeave(List<OutboxEvent> events) {
        EventRelay self = context.getBusinessObject(EventRelay.class);
        try {
            self.send(events);
        } catch (EJBException inTransaction) {
            try {
                self.sendEach(events);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "{0} events could not be published now; they stay in the outbox for the sweep: {1}",
                        new Object[] {events.size(), e.getMessage()});
                return 0;
            }
        }
        try {
            self.forget(events);
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "{0} published events stay in the outbox (the sweep publishes them again and the"
                    + " broker drops the copies): {1}", new Object[] {events.size(), e.getMessage()});
        }
        return events.size();
    }

    /**
     * Sends the events to the topic one message at a time, without a transaction: the broker
     * drops, silently, a message whose duplicate-detection id it has seen.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendEach(List<OutboxEvent> events) {
        toTopic(events);
    }

    /** Sends the events to the topic, in this order, in a transaction of the broker alone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(List<OutboxEvent> events) {
        toTopic(events);
    }

    private void toTopic(List<OutboxEvent> events) {
        sender.toEventTopic(events.stream()
                .map(event -> new JmsSender.Outgoing(event.body(), event.properties()))
                .toList());
    }

    /** Deletes the published events' rows, in a transaction of the database alone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forget(List<OutboxEvent> events) {
        return new EventOutboxStore(em).forget(events);
    }

    /** Events left in the outbox before {@code before}, by any instance, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<OutboxEvent> leftBefore(java.time.Instant before, int max) {
        return new EventOutboxStore(em).writtenBefore(before, max);
    }
}
