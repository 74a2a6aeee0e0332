package org.calldesk.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;
import org.calldesk.domain.model.integration.IntegrationKey;
import org.calldesk.domain.model.integration.IntegrationKeyRepository;

@ApplicationScoped
public class JpaIntegrationKeyRepository implements IntegrationKeyRepository {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    public JpaIntegrationKeyRepository() {
    }

    /** Outside a container, with an entity manager of the caller's. */
    public JpaIntegrationKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<IntegrationKey> find(String id) {
        return Optional.ofNullable(em.find(IntegrationKey.class, id));
    }

    @Override
    public Optional<IntegrationKey> findByHash(String keyHash) {
        return em.createQuery("select k from IntegrationKey k where k.keyHash = :hash", IntegrationKey.class)
                .setParameter("hash", keyHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<IntegrationKey> all() {
        return em.createQuery("select k from IntegrationKey k order by k.createdAt desc", IntegrationKey.class)
                .getResultList();
    }

    @Override
    public void store(IntegrationKey key) {
        em.persist(key);
    }

    @Override
    public void record(IntegrationAuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<IntegrationAuditEntry> trail(String keyId, int max) {
        TypedQuery<IntegrationAuditEntry> query = keyId == null
                ? em.createQuery("select a from IntegrationAuditEntry a order by a.at desc", IntegrationAuditEntry.class)
                : em.createQuery("select a from IntegrationAuditEntry a where a.keyId = :key order by a.at desc",
                        IntegrationAuditEntry.class).setParameter("key", keyId);
        return query.setMaxResults(max).getResultList();
    }
}
