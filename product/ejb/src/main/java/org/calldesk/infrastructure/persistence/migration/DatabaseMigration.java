package org.calldesk.infrastructure.persistence.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.calldesk.infrastructure.health.SettingsToFix;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build needs, from the versioned migrations in
 * {@code db/migration}, before anything else uses it. The same migrations run on H2 and
 * PostgreSQL.
 *
 * <p>A database that is down does not stop the application from starting: the failure is kept
 * for the health check, the log names the setting to fix, and the migration is tried again
 * every half minute until it succeeds.
 *
 * <p>Its concurrency is its own: other beans ask {@link #failure()} all the time, also while the
 * application starts, and a container lock on it could deadlock with a timer that calls it
 * before the startup beans are done (WildFly holds such calls until then).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/ContactCenterDS")
    DataSource dataSource;

    private final AtomicReference<String> failure = new AtomicReference<>("not migrated yet");

    @PostConstruct
    synchronized void migrate() {
        try {
            MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            failure.set(null);
            LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            failure.set(e.getMessage());
            LOG.severe(() -> "the database could not be migrated (" + e.getMessage() + "); " + SettingsToFix.DATABASE);
        }
    }

    @PreDestroy
    void stop() {
        ApplicationStopping.tell("the database migration bean ends");
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void retryIfFailed() {
        if (failure.get() != null) {
            migrate();
        }
    }

    /** Whether the database answers now (a connection from the pool that is still valid). */
    public boolean reachable() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Why the schema is not ready, if it is not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }
}
