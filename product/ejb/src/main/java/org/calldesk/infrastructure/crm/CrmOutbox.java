package org.calldesk.infrastructure.crm;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.application.view.WireBodies;

/**
 * The outbox of ticket changes for the CRM, over the entity manager of the caller's transaction.
 * Delivery is strictly in order: the oldest message not yet done is the only one tried, locked
 * for the attempt so that two application instances never send it at once or overtake each
 * other; while it waits for a retry, the ones after it wait too.
 */
public final class CrmOutbox {

    /** What one delivery step did. */
    public enum Step { NOTHING_DUE, DELIVERED, REJECTED, FAILED }

    private final EntityManager em;

    public CrmOutbox(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em is required");
    }

    /** The idempotency key of one ticket change: the same for every retry of it, different for every change. */
    public static String idempotencyKey(Ticket ticket) {
        return "calldesk-ticket-" + ticket.id() + "-" + ticket.sequence();
    }

    /** Keeps the ticket's change for the CRM; part of the caller's transaction. */
    public CrmOutboxMessage record(Ticket ticket, Instant at) {
        JsonObject event = WireBodies.ticketEvent(ticket, at);
        CrmOutboxMessage message = new CrmOutboxMessage(idempotencyKey(ticket), ticket.id(), event.getString("type"),
                event.toString(), at);
        em.persist(message);
        return message;
    }

    /**
     * Tries the oldest message not done yet, if it is due; to be called in a transaction of its
     * own, which holds the message's lock while the CRM is asked.
     */
    public Step deliverNext(TicketPush push, Instant now) {
        Optional<CrmOutboxMessage> head = lockedHead();
        if (head.isEmpty() || !head.get().isDue(now)) {
            return Step.NOTHING_DUE;
        }
        CrmOutboxMessage message = head.get();
        TicketPush.Result result = push.push(message.idempotencyKey(), message.payload());
        switch (result.kind()) {
            case ACCEPTED:
                message.delivered(now);
                return Step.DELIVERED;
            case REFUSED:
                message.rejected(result.detail(), now);
                return Step.REJECTED;
            default:
                message.failed(result.detail(), now);
                return Step.FAILED;
        }
    }

    /**
     * The oldest message not done, locked. Found first, then locked by its key (a locking query
     * with a row limit is not portable); one another instance finished meanwhile is passed over.
     */
    private Optional<CrmOutboxMessage> lockedHead() {
        for (int tries = 0; tries < 5; tries++) {
            Long id = em.createQuery("select min(m.id) from CrmOutboxMessage m where m.doneAt is null", Long.class)
                    .getSingleResult();
            if (id == null) {
                return Optional.empty();
            }
            CrmOutboxMessage message = em.find(CrmOutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (message != null && message.doneAt().isEmpty()) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /** Messages not delivered yet, oldest first. */
    public List<CrmOutboxMessage> pending(int max) {
        return em.createQuery("select m from CrmOutboxMessage m where m.doneAt is null order by m.id",
                CrmOutboxMessage.class).setMaxResults(max).getResultList();
    }

    public Optional<CrmOutboxMessage> find(long id) {
        return Optional.ofNullable(em.find(CrmOutboxMessage.class, id));
    }
}
