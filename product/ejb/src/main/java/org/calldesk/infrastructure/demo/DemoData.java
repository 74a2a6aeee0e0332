package org.calldesk.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo data for the embedded run, so a new user can sign in and take a call at once: accounts,
 * two services with their numbers and sending numbers, and the accounts' CTI agents on the
 * simulator's phones. Only when {@code calldesk.demo.enabled} is true; whatever exists is left
 * as it is. A database not migrated when the application starts (down, or not created yet) gets
 * the demo data once it is, looked at every half minute.
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

    /** A service: id, name, Disconnect announcement, dialled numbers, sending numbers. */
    public record DemoService(String id, String name, String announcement, List<String> dialledNumbers,
                              List<String> sendingNumbers) {
    }

    public static final List<DemoService> SERVICES = List.of(
            new DemoService("support", "Customer Support", "custom/abuse-warning", List.of("15880001"),
                    List.of("15880001", "0215880001")),
            new DemoService("sales", "Sales", "custom/abuse-warning", List.of("15880002"), List.of("15880002")));

    /** The CTI information of a demo account. */
    public record DemoAgent(String login, String agentNumber, String device, String role, List<String> services) {
    }

    public static final List<DemoAgent> AGENTS = List.of(
            new DemoAgent("agent1", "1001", "PJSIP/1001", "AGENT", List.of("support", "sales")),
            new DemoAgent("agent2", "1002", "PJSIP/1002", "AGENT", List.of("support")),
            new DemoAgent("agent3", "1003", "PJSIP/1003", "AGENT", List.of("sales")),
            new DemoAgent("admin", "1009", "PJSIP/1009", "ADMIN", List.of("support", "sales")));

    @Inject
    @ConfigProperty(name = "calldesk.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    DatabaseMigration migration;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Resource(lookup = "java:app/jdbc/ContactCenterDS")
    DataSource dataSource;

    private volatile boolean seeded;

    @PostConstruct
    void seed() {
        if (!enabled || seeded || migration.failure().isPresent()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (DemoAccount account : ACCOUNTS) {
                insertIfAbsent(connection, account);
            }
            for (DemoService service : SERVICES) {
                insertIfAbsent(connection, service);
            }
            for (DemoAgent agent : AGENTS) {
                insertIfAbsent(connection, agent);
            }
            seeded = true;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "demo data not created: {0}", e.getMessage());
        }
    }

    /** Between the migration's own retries (at 0 and 30 s), so that a migration just done is seen. */
    @Schedule(second = "15,45", minute = "*", hour = "*", persistent = false)
    void seedOnceMigrated() {
        seed();
    }

    private void insertIfAbsent(Connection connection, DemoService service) throws SQLException {
        if (exists(connection, "select 1 from contact_service where id = ?", service.id())) {
            return;
        }
        update(connection, "insert into contact_service (id, name, announcement, offer_timeout_seconds, call_enabled, "
                + "version) values (?, ?, ?, 20, true, 1)", service.id(), service.name(), service.announcement());
        for (String number : service.dialledNumbers()) {
            update(connection, "insert into service_number (dialled_number, service_id) values (?, ?)",
                    number, service.id());
        }
        for (String number : service.sendingNumbers()) {
            update(connection, "insert into sending_number (service_id, sending_number) values (?, ?)",
                    service.id(), number);
        }
        LOG.info(() -> "demo service created: " + service.name());
    }

    private void insertIfAbsent(Connection connection, DemoAgent agent) throws SQLException {
        if (exists(connection, "select 1 from cti_agent where id = ?", agent.login())) {
            return;
        }
        String name = ACCOUNTS.stream().filter(a -> a.login().equals(agent.login())).map(DemoAccount::name)
                .findFirst().orElse(agent.login());
        try (PreparedStatement insert = connection.prepareStatement("insert into cti_agent (id, name, agent_number, "
                + "device, role, status, status_since, sequence, version) values (?, ?, ?, ?, ?, 'LOGGED_OUT', ?, 1, 1)")) {
            insert.setString(1, agent.login());
            insert.setString(2, name);
            insert.setString(3, agent.agentNumber());
            insert.setString(4, agent.device());
            insert.setString(5, agent.role());
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        for (String service : agent.services()) {
            update(connection, "insert into agent_service (agent_id, service_id) values (?, ?)", agent.login(), service);
        }
        LOG.info(() -> "demo CTI agent created: " + agent.login() + " on " + agent.device());
    }

    private static boolean exists(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            return query.executeQuery().next();
        }
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
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
