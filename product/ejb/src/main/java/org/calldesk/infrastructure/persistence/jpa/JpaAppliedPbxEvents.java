package org.calldesk.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.calldesk.application.AppliedPbxEvents;

/** {@link AppliedPbxEvents} in the {@code pbx_event_applied} table (V8), with plain SQL. */
@ApplicationScoped
public class JpaAppliedPbxEvents implements AppliedPbxEvents {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    public JpaAppliedPbxEvents() {
    }

    /** Outside a container, with an entity manager of the caller's. */
    public JpaAppliedPbxEvents(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean applied(String eventId) {
        return !em.createNativeQuery("select 1 from pbx_event_applied where event_id = ?")
                .setParameter(1, eventId).getResultList().isEmpty();
    }

    @Override
    public void record(String eventId, Instant at) {
        em.createNativeQuery("insert into pbx_event_applied (event_id, applied_at) values (?, ?)")
                .setParameter(1, eventId).setParameter(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate();
    }

    @Override
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("delete from pbx_event_applied where applied_at < ?")
                .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).executeUpdate();
    }
}
