package org.calldesk.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.call.CallStatus;

@ApplicationScoped
public class JpaCallRepository implements CallRepository {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    public JpaCallRepository() {
    }

    /** Outside a container, with an entity manager of the caller's. */
    public JpaCallRepository(EntityManager em) {
        this.em = em;
    }

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

    /** Ordered by every column of {@code ix_call_record_waiting}, so read off the index (see readyFor). */
    @Override
    public List<Call> oldestWaiting(String serviceId, int max) {
        return em.createQuery("select c from Call c where c.status = :waiting and c.serviceId = :service "
                        + "order by c.status, c.serviceId, c.queuePlace, c.id", Call.class)
                .setParameter("waiting", CallStatus.WAITING)
                .setParameter("service", serviceId)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<String> servicesWithWaitingCalls() {
        return em.createQuery("select distinct c.serviceId from Call c where c.status = :waiting "
                        + "and c.serviceId is not null", String.class)
                .setParameter("waiting", CallStatus.WAITING)
                .getResultList();
    }

    @Override
    public List<Call> expiredOffers(Instant now, int max) {
        return em.createQuery("select c from Call c where c.status = :offered and c.offerExpiresAt <= :now "
                        + "order by c.offerExpiresAt", Call.class)
                .setParameter("offered", CallStatus.OFFERED)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<Call> activeStartedBefore(Instant instant, int max) {
        return em.createQuery("select c from Call c where c.status <> :ended and c.startedAt < :instant "
                        + "order by c.startedAt", Call.class)
                .setParameter("ended", CallStatus.ENDED)
                .setParameter("instant", instant)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public void store(Call call) {
        em.persist(call);
    }

    @Override
    public void refreshLocked(Call call) {
        em.refresh(call, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public void claim() {
        em.flush();
    }
}
