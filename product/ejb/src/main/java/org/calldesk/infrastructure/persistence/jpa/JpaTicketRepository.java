package org.calldesk.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketRepository;
import org.calldesk.domain.model.ticket.TicketStatus;

@ApplicationScoped
public class JpaTicketRepository implements TicketRepository {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    public JpaTicketRepository() {
    }

    /** Outside a container, with an entity manager of the caller's. */
    public JpaTicketRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Ticket> find(String id) {
        return Optional.ofNullable(em.find(Ticket.class, id));
    }

    @Override
    public Optional<Ticket> findByCallId(String callId) {
        return em.createQuery("select t from Ticket t where t.callId = :call", Ticket.class)
                .setParameter("call", callId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Ticket> search(TicketStatus status, String assigneeId, int max) {
        // only the filters given: "? is null" leaves PostgreSQL unable to type the parameter
        StringBuilder jpql = new StringBuilder("select t from Ticket t where 1 = 1");
        if (status != null) {
            jpql.append(" and t.status = :status");
        }
        if (assigneeId != null) {
            jpql.append(" and t.assigneeId = :assignee");
        }
        TypedQuery<Ticket> query = em.createQuery(jpql.append(" order by t.updatedAt desc").toString(), Ticket.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (assigneeId != null) {
            query.setParameter("assignee", assigneeId);
        }
        return query.setMaxResults(max).getResultList();
    }

    @Override
    public void store(Ticket ticket) {
        em.persist(ticket);
    }
}
