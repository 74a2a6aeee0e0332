package org.calldesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;

/**
 * Ready when the database answers and its schema is migrated. Plain, for {@code /calldesk/health};
 * {@link DatabaseHealthCheck} reports it to MicroProfile Health.
 */
@ApplicationScoped
public class DatabaseCheck {

    @Resource(lookup = "java:app/jdbc/ContactCenterDS")
    DataSource dataSource;

    @Inject
    DatabaseMigration migration;

    public CheckResult check() {
        var response = CheckResult.named("database");
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return response.down().with("error", "the database does not answer");
            }
            var failure = migration.failure();
            if (failure.isPresent()) {
                return response.down().with("error", "schema not migrated: " + failure.get());
            }
            return response.up().with("product", connection.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            return response.down()
                    .with("error", "cannot connect: " + e.getMessage())
                    .with("fix", SettingsToFix.DATABASE)
                    ;
        }
    }
}
