package org.calldesk.application.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.function.Function;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.infrastructure.persistence.jpa.JpaAgentRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaAppliedPbxEvents;
import org.calldesk.infrastructure.persistence.jpa.JpaCallRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaServiceRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaTicketRepository;

/**
 * Runs application services against a real database as the container would: each piece of work
 * in a transaction of its own, on its own entity manager, with the JPA repositories. Rolled
 * back if it throws, as a container-managed transaction is.
 */
final class JpaHarness {

    private final EntityManagerFactory emf;
    final FakePbx pbx = new FakePbx();
    final RecordingEvents events = new RecordingEvents();
    private final Clock clock;

    JpaHarness(EntityManagerFactory emf, Clock clock) {
        this.emf = emf;
        this.clock = clock;
    }

    <T> T inTransaction(Function<Wiring, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Wiring wiring = Wiring.over(new JpaCallRepository(em), new JpaAgentRepository(em),
                    new JpaServiceRepository(em), new JpaTicketRepository(em), pbx, events, events, clock,
                    new PbxEventsOnTheWay(clock), new JpaAppliedPbxEvents(em));
            T result = work.apply(wiring);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    <T> T read(Function<EntityManager, T> query) {
        EntityManager em = emf.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }
}
