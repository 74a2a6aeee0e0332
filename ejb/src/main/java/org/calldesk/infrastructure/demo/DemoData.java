package org.calldesk.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo accounts for the embedded run, so a new user can sign in at once. Only when
 * {@code calldesk.demo.enabled} is true; an account that exists is left as it is.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** Login, display name, roles; the demo password is the login. */
    public record DemoAccount(String login, String name, List<String> roles) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("agent1", "Alice Agent", List.of("agent")),
            new DemoAccount("agent2", "Bob Agent", List.of("agent")),
            new DemoAccount("agent3", "Carol Agent", List.of("agent")),
            new DemoAccount("admin", "Dana Admin", List.of("admin", "agent")));

    @Inject
    @ConfigProperty(name = "calldesk.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    DatabaseMigration migration;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Resource(lookup = "java:app/jdbc/ContactCenterDS")
    DataSource dataSource;

    @PostConstruct
    void seed() {
        if (!enabled || migration.failure().isPresent()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (DemoAccount account : ACCOUNTS) {
                insertIfAbsent(connection, account);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "demo accounts not created: {0}", e.getMessage());
        }
    }

    private void insertIfAbsent(Connection connection, DemoAccount account) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select 1 from account where login_id = ?")) {
            exists.setString(1, account.login());
            if (exists.executeQuery().next()) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into account (login_id, password_hash, display_name) values (?, ?, ?)")) {
            insert.setString(1, account.login());
            insert.setString(2, passwordHash.generate(account.login().toCharArray()));
            insert.setString(3, account.name());
            insert.executeUpdate();
        }
        for (String role : account.roles()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into account_role (login_id, role) values (?, ?)")) {
                insert.setString(1, account.login());
                insert.setString(2, role);
                insert.executeUpdate();
            }
        }
        LOG.info(() -> "demo account created: " + account.login());
    }
}
