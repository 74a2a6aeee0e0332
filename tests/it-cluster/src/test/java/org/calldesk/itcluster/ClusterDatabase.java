package org.calldesk.itcluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own for one run on the PostgreSQL at 127.0.0.1:5432 (trust auth, user
 * postgres), dropped afterwards, and plain JDBC reads of what the nodes committed: the test
 * judges by rows, not by what the application says.
 */
final class ClusterDatabase implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    final String name;
    private final String server;

    private ClusterDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    /**
     * Creates the run's database; without a PostgreSQL the test is skipped, unless
     * {@code CALLDESK_TEST_POSTGRES=required} (CI) makes that a failure.
     */
    static ClusterDatabase create() {
        return create(SERVER);
    }

    /** The same, on the PostgreSQL server at {@code server} ({@code jdbc:postgresql://host:port/}). */
    static ClusterDatabase create(String server) {
        String name = "calldesk_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server + "postgres?connectTimeout=3", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            String why = "no PostgreSQL answers at " + server + " as user postgres (" + e.getMessage()
                    + "): the two-node test needs one";
            if ("required".equalsIgnoreCase(System.getenv("CALLDESK_TEST_POSTGRES"))) {
                Assertions.fail(why + ", and CALLDESK_TEST_POSTGRES=required");
            }
            Assumptions.abort(why + "; skipped (set CALLDESK_TEST_POSTGRES=required to make this a failure)");
        }
        return new ClusterDatabase(server, name);
    }

    String url() {
        return server + name;
    }

    /** Every row of the query, each as column name (lower case) to value (times as {@link java.time.Instant}). */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url(), USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        Object value = result.getObject(c);
                        row.put(result.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT),
                                value instanceof java.sql.Timestamp time ? time.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url(), USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    List<String> column(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> String.valueOf(row.values().iterator().next())).toList();
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(server + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop the test database " + name + ": " + e.getMessage());
        }
    }
}
