package org.calldesk.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The persistence unit on a server's data source (external pooling, as GlassFish gives it) whose
 * database does not exist yet when the unit starts: an H2 database opened only if it exists.
 */
class DeferredDatabaseLoginTest {

    private final String name = "cd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
    private EntityManagerFactory factory;
    private Connection keeper;

    @AfterEach
    void close() throws Exception {
        if (factory != null) {
            factory.close();
        }
        if (keeper != null) {
            keeper.close();
        }
    }

    @Test
    void withoutItTheUnitCannotStartWhileTheDatabaseDoesNotAnswer() {
        factory = unit(false);

        assertThatThrownBy(() -> factory.createEntityManager().close()).isInstanceOf(PersistenceException.class)
                .hasMessageContaining("EclipseLink-4002");
    }

    @Test
    void theUnitStartsWhileTheDatabaseDoesNotAnswerAndWorksOnceItAnswers() throws Exception {
        factory = unit(true);

        EntityManager early = factory.createEntityManager(); // what GlassFish does while deploying
        assertThat(factory.unwrap(AbstractSession.class).getPlatform().getClass().getSimpleName()).startsWith("PostgreSQL");
        assertThatThrownBy(() -> early.createQuery("select count(a) from Agent a").getSingleResult())
                .isInstanceOf(PersistenceException.class);
        early.close();

        keeper = DriverManager.getConnection(url, "sa", ""); // the database is there now
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        EntityManager later = factory.createEntityManager();
        assertThat(later.createQuery("select count(a) from Agent a").getSingleResult()).isEqualTo(0L);
        later.close();
    }

    @Test
    void aDatabaseThatAnswersIsLoggedInToAsAlways() throws Exception {
        keeper = DriverManager.getConnection(url, "sa", "");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        factory = unit(true);

        EntityManager entityManager = factory.createEntityManager();

        assertThat(factory.unwrap(AbstractSession.class).getPlatform().getClass().getSimpleName()).startsWith("H2");
        assertThat(entityManager.createQuery("select count(a) from Agent a").getSingleResult()).isEqualTo(0L);
        entityManager.close();
    }

    private EntityManagerFactory unit(boolean deferred) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url + ";IFEXISTS=TRUE"); // not created by connecting: absent until the test creates it
        dataSource.setUser("sa");
        dataSource.setPassword("");
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        if (deferred) {
            properties.put("eclipselink.session.customizer", DeferredDatabaseLogin.class.getName());
        }
        return Persistence.createEntityManagerFactory("calldesk-test", properties);
    }
}
