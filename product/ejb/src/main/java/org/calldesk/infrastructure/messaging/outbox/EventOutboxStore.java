package org.calldesk.infrastructure.messaging.outbox;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The events outbox's rows, over the entity manager of the caller's transaction. A row is
 * deleted once its event is on the topic; if two instances publish one event (a node's relay
 * and another node's sweep), the broker keeps one copy by the event's duplicate-detection id
 * ({@link OutboxEvent#properties()}).
 */
public final class EventOutboxStore {

    private final EntityManager em;

    public EventOutboxStore(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em is required");
    }

    /** Keeps the event; part of the caller's transaction. */
    public OutboxEvent record(OutboxEvent event) {
        em.persist(event);
        return event;
    }

    /**
     * Deletes the published events' rows in the caller's transaction.
     *
     * @return how many rows this transaction deleted (fewer: another instance's sweep published
     *         and forgot some of them meanwhile)
     */
    public int forget(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from OutboxEvent e where e.id in :ids")
                .setParameter("ids", events.stream().map(OutboxEvent::id).toList())
                .executeUpdate();
    }

    /** Events written before {@code before} and not published yet, oldest first. */
    public List<OutboxEvent> writtenBefore(Instant before, int max) {
        return em.createQuery("select e from OutboxEvent e where e.createdAt < :before order by e.createdAt, e.id",
                        OutboxEvent.class)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** How many events wait (for diagnostics and tests). */
    public long waiting() {
        return em.createQuery("select count(e) from OutboxEvent e", Long.class).getSingleResult();
    }
}
