package org.calldesk.infrastructure.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, migrated database for one test: H2 in memory always, and the PostgreSQL on
 * 127.0.0.1:5432 in a schema of its own. PostgreSQL is skipped where none runs, unless
 * {@code CALLDESK_TEST_POSTGRES=required} (as CI sets it), where its absence fails the test.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private TestDatabase(Kind kind, String url, String user, String password, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public static TestDatabase create(Kind kind) {
        String name = "cd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabase database = switch (kind) {
            case H2 -> new TestDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", null);
            case POSTGRESQL -> postgres(name);
        };
        Flyway.configure().dataSource(database.url, database.user, database.password)
                .locations("classpath:db/migration").load().migrate();
        return database;
    }

    private static TestDatabase postgres(String schema) {
        String base = env("CALLDESK_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("CALLDESK_TEST_POSTGRES_USER", "postgres");
        String password = env("CALLDESK_TEST_POSTGRES_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(base, user, password)) {
            connection.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            boolean required = "required".equals(env("CALLDESK_TEST_POSTGRES", "").toLowerCase(Locale.ROOT));
            if (required) {
                throw new IllegalStateException("PostgreSQL is required for this run but not reachable at " + base, e);
            }
            Assumptions.abort("no PostgreSQL at " + base + " (" + e.getMessage() + ")");
        }
        return new TestDatabase(Kind.POSTGRESQL, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                user, password, schema);
    }

    public Kind kind() {
        return kind;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    public EntityManagerFactory entityManagerFactory() {
        return Persistence.createEntityManagerFactory("calldesk-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }

    /** Runs {@code work} in a resource-local transaction of a new entity manager, committed at the end. */
    public static void inTransaction(EntityManagerFactory emf, java.util.function.Consumer<jakarta.persistence.EntityManager> work) {
        computeInTransaction(emf, em -> {
            work.accept(em);
            return null;
        });
    }

    /** As {@link #inTransaction}, returning what {@code work} gives. */
    public static <T> T computeInTransaction(EntityManagerFactory emf,
                                             java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
        jakarta.persistence.EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute(kind == Kind.H2 ? "shutdown" : "drop schema " + schema + " cascade");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
