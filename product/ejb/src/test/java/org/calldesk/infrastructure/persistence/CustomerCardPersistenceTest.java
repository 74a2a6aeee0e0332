package org.calldesk.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.model.ticket.Ticket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The screen pop's card of the caller survives on the call and its ticket, on H2 and PostgreSQL. */
class CustomerCardPersistenceTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");
    private static final Customer KIM = new Customer("C-1001", "Kim Minji", "Hanbit Trading", "http://crm/C-1001");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theCallerFoundByTheCrmIsKeptOnTheCallAndGoesToItsTicket(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            Call call = Call.arrivedFor("support", "1.1", "01012345678", "15880001", AT);
            inTransaction(emf, em -> em.persist(call));

            inTransaction(emf, em -> em.find(Call.class, call.id()).identifyCustomer(KIM));
            Ticket ticket = Ticket.forCall("support", call.id(), "01012345678", "agent1", AT.plusSeconds(5))
                    .withCustomer(Optional.of(KIM));
            inTransaction(emf, em -> em.persist(ticket));

            EntityManager em = emf.createEntityManager();
            Call read = em.find(Call.class, call.id());
            assertThat(read.customer()).contains(KIM);
            assertThat(read.sequence()).as("identifying the caller is a change of the call").isEqualTo(2);
            Ticket readTicket = em.find(Ticket.class, ticket.id());
            assertThat(readTicket.customer()).contains(KIM);
            assertThat(readTicket.sequence()).as("a new ticket's card is part of its creation").isEqualTo(1);
            em.close();
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSameCardAgainChangesNothingAndACallWithoutOneHasNone(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            Call call = Call.arrivedFor("support", "1.2", "0101", "15880001", AT);
            inTransaction(emf, em -> em.persist(call));
            EntityManager em = emf.createEntityManager();
            assertThat(em.find(Call.class, call.id()).customer()).isEmpty();
            em.close();

            Call identified = Call.arrivedFor("support", "1.3", "0102", "15880001", AT);
            assertThat(identified.identifyCustomer(KIM)).isTrue();
            assertThat(identified.identifyCustomer(new Customer("C-1001", "Kim Minji", "Hanbit Trading",
                    "http://crm/C-1001"))).isFalse();
            assertThat(identified.sequence()).isEqualTo(2);
            emf.close();
        }
    }

    private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
