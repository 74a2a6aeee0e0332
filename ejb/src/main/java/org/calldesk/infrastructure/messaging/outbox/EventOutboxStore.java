package org.calldesk.infrastructure.messaging.outbox;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The events outbox's rows, over the entity manager of the caller's transaction. Publishing
 * claims rows by deleting them in the publishing transaction: of two transactions that claim the
 * same row (a node's relay and another node's sweep) only one deletes it, the other waits for
 * its row lock and then finds it gone, so every event is published once.
 */
public final class EventOutboxStore {

    private final EntityManager em;

    public EventOutboxStore(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em is required");
    }

    /** Keeps the event; part of the caller's transaction. The event has its id on return. */
    public OutboxEvent record(OutboxEvent event) {
        em.persist(event);
        return event;
    }

    /**
     * Deletes the events' rows in the caller's transaction.
     *
     * @return the events whose rows this transaction deleted, in the given order: the ones to
     *         publish (an event missing was claimed by another transaction)
     */
    public List<OutboxEvent> claim(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int deleted = em.createQuery("delete from OutboxEvent e where e.id in :ids")
                .setParameter("ids", ids(events))
                .executeUpdate();
        if (deleted == events.size()) {
            return events; // the usual case: all of them, in one statement
        }
        // another transaction claimed some: which ones cannot be told from here (a row this
        // statement deleted reads as gone too), so this transaction must roll back
        throw new ClaimConflict(deleted, events.size());
    }

    /** Claims row by row: slower, but says exactly which events are this transaction's. */
    public List<OutboxEvent> claimEach(List<OutboxEvent> events) {
        List<OutboxEvent> claimed = new ArrayList<>();
        for (OutboxEvent event : events) {
            int deleted = em.createQuery("delete from OutboxEvent e where e.id = :id")
                    .setParameter("id", event.id())
                    .executeUpdate();
            if (deleted == 1) {
                claimed.add(event);
            }
        }
        return claimed;
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

    private static List<Long> ids(Collection<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    /**
     * Some of the events were claimed by another transaction: this transaction must roll back
     * (its deletes are not the ones it meant) and claim them one by one with {@link #claimEach}.
     */
    @ApplicationException(rollback = true)
    public static final class ClaimConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimConflict(int deleted, int wanted) {
            super("claimed " + deleted + " of " + wanted + " outbox events; another transaction took the rest");
        }
    }
}
