package org.calldesk.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.service.ServiceRepository;

@ApplicationScoped
public class JpaServiceRepository implements ServiceRepository {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    public JpaServiceRepository() {
    }

    /** Outside a container, with an entity manager of the caller's. */
    public JpaServiceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Service> find(String id) {
        return Optional.ofNullable(em.find(Service.class, id));
    }

    @Override
    public Optional<Service> findByDialledNumber(String number) {
        return em.createQuery("select s from Service s where :number member of s.dialledNumbers", Service.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Service> all() {
        return em.createQuery("select s from Service s order by s.name", Service.class).getResultList();
    }

    @Override
    public void store(Service service) {
        em.persist(service);
    }
}
