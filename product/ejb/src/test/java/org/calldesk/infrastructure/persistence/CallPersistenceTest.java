package org.calldesk.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrated schema and the JPA mapping agree, on H2 and on PostgreSQL alike. */
class CallPersistenceTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123456Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStoredCallReadsBackWithEveryField(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            Call call = Call.arrived("1732711111.1", "01012345678", "15880001", AT);
            inTransaction(emf, em -> em.persist(call));
            inTransaction(emf, em -> em.find(Call.class, call.id()).end("CUSTOMER_HANGUP", AT.plusSeconds(42)));

            EntityManager em = emf.createEntityManager();
            Call read = em.createQuery("select c from Call c where c.pbxCallId = :id", Call.class)
                    .setParameter("id", "1732711111.1").getSingleResult();
            assertThat(read.id()).isEqualTo(call.id());
            assertThat(read.customerNumber()).isEqualTo("01012345678");
            assertThat(read.serviceNumber()).contains("15880001");
            assertThat(read.status()).isEqualTo(CallStatus.ENDED);
            assertThat(read.startedAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(AT.truncatedTo(ChronoUnit.MILLIS));
            assertThat(read.endCause()).contains("CUSTOMER_HANGUP");
            assertThat(read.sequence()).isEqualTo(2);
            em.close();
            emf.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theDatabaseRefusesASecondCallWithTheSamePbxId(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            inTransaction(emf, em -> em.persist(Call.arrived("1732711111.2", "0101", "15880001", AT)));
            assertThatThrownBy(() -> inTransaction(emf,
                    em -> em.persist(Call.arrived("1732711111.2", "0102", "15880001", AT))))
                    .isInstanceOfAny(RollbackException.class, PersistenceException.class);
            EntityManager em = emf.createEntityManager();
            assertThat(em.createQuery("select count(c) from Call c", Long.class).getSingleResult()).isEqualTo(1);
            em.close();
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
