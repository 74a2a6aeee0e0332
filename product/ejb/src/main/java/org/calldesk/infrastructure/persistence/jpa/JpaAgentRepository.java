package org.calldesk.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.AgentStatusChange;

@ApplicationScoped
public class JpaAgentRepository implements AgentRepository {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    public JpaAgentRepository() {
    }

    /** Outside a container, with an entity manager of the caller's. */
    public JpaAgentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Agent> find(String id) {
        return Optional.ofNullable(em.find(Agent.class, id));
    }

    @Override
    public Optional<Agent> findByAgentNumber(String agentNumber) {
        return em.createQuery("select a from Agent a where a.agentNumber = :number", Agent.class)
                .setParameter("number", agentNumber)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Agent> findByDevice(String device) {
        return em.createQuery("select a from Agent a where a.device = :device", Agent.class)
                .setParameter("device", device)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Agent> all() {
        return em.createQuery("select a from Agent a order by a.id", Agent.class).getResultList();
    }

    @Override
    public List<Agent> search(String text, int max) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "") + "%";
        return em.createQuery("select a from Agent a where lower(a.name) like :text or lower(a.id) like :text "
                        + "or a.agentNumber like :text order by a.name", Agent.class)
                .setParameter("text", pattern)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Ordered by every column of the index {@code ix_cti_agent_ready} (the status, equal for all,
     * first) so the database reads the longest-idle agents off the index and stops at {@code max};
     * ordered by idle time alone it sorts every Ready agent for each offer.
     */
    @Override
    public List<Agent> readyFor(String serviceId, int max) {
        return em.createQuery("select a from Agent a where a.status = :ready and :service member of a.serviceIds "
                        + "order by a.status, a.statusSince, a.id", Agent.class)
                .setParameter("ready", AgentStatus.READY)
                .setParameter("service", serviceId)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public void store(Agent agent) {
        em.persist(agent);
    }

    @Override
    public void recordHistory(List<AgentStatusChange> changes) {
        changes.forEach(em::persist);
    }

    @Override
    public List<AgentStatusChange> history(String agentId, int max) {
        return em.createQuery("select c from AgentStatusChange c where c.agentId = :agent "
                        + "order by c.changedAt desc", AgentStatusChange.class)
                .setParameter("agent", agentId)
                .setMaxResults(max)
                .getResultList();
    }
}
