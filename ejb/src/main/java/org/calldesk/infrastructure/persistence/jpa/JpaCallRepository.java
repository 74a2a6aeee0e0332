package org.calldesk.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;

@ApplicationScoped
public class JpaCallRepository implements CallRepository {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    @Override
    public Optional<Call> find(String id) {
        return Optional.ofNullable(em.find(Call.class, id));
    }

    @Override
    public Optional<Call> findByPbxCallId(String pbxCallId) {
        return em.createQuery("select c from Call c where c.pbxCallId = :id", Call.class)
                .setParameter("id", pbxCallId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Call> recent(int max) {
        return em.createQuery("select c from Call c order by c.startedAt desc", Call.class)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public void store(Call call) {
        em.persist(call);
    }
}
