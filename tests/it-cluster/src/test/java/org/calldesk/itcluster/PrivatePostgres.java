package org.calldesk.itcluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own (initdb, pg_ctl) on a free loopback port, so the test may
 * stop and start it without disturbing anything else on the machine. PostgreSQL refuses to run as
 * root: as root, the server runs as the {@code postgres} user ({@code runuser}).
 */
final class PrivatePostgres implements AutoCloseable {

    private static final List<Path> BIN_CANDIDATES = List.of(Path.of("/usr/lib/postgresql/15/bin"),
            Path.of("/usr/lib/postgresql/16/bin"), Path.of("/usr/lib/postgresql/17/bin"), Path.of("/usr/pgsql-15/bin"));

    final int port;
    private final Path bin;
    private final Path dataDir;
    private final boolean asPostgresUser;

    private PrivatePostgres(int port, Path bin, Path dataDir, boolean asPostgresUser) {
        this.port = port;
        this.bin = bin;
        this.dataDir = dataDir;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Creates and starts the server under {@code dir}; without PostgreSQL's programs (or, as root,
     * without a {@code postgres} user to run them) the test is skipped with the reason, unless
     * {@code CALLDESK_TEST_POSTGRES=required} (CI) makes that a failure.
     */
    static PrivatePostgres start(Path dir) throws Exception {
        Path bin = BIN_CANDIDATES.stream().filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                .findFirst().orElse(null);
        if (bin == null) {
            unavailable("no PostgreSQL programs (initdb, pg_ctl) in " + BIN_CANDIDATES);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && run(List.of("id", "-u", "postgres"), false) != 0) {
            unavailable("running as root, and there is no postgres user to run PostgreSQL as (initdb refuses root)");
        }
        Path dataDir = dir.resolve("pgdata");
        Files.createDirectories(dir);
        if (root) {
            mustRun(List.of("chown", "-R", "postgres", dir.toString()));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PrivatePostgres postgres = new PrivatePostgres(port, bin, dataDir, root);
        postgres.pg(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres", "-A", "trust",
                "--no-sync", "-E", "UTF8", "--locale=C"));
        postgres.startServer();
        return postgres;
    }

    private static void unavailable(String why) {
        if ("required".equalsIgnoreCase(System.getenv("CALLDESK_TEST_POSTGRES"))) {
            Assertions.fail(why + ", and CALLDESK_TEST_POSTGRES=required");
        }
        Assumptions.abort(why + ": the fault test needs a PostgreSQL of its own to stop and start; skipped"
                + " (set CALLDESK_TEST_POSTGRES=required to make this a failure)");
    }

    String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    /** Starts the server and waits until it takes connections. */
    void startServer() throws Exception {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.resolveSibling("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"
                        + " -c max_connections=100", "start"));
    }

    /** Stops the server as an operator does for maintenance: sessions are cut at once ({@code -m fast}). */
    void stopServer() throws Exception {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60", "-m", "fast", "stop"));
    }

    private void pg(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        mustRun(full);
    }

    private static void mustRun(List<String> command) throws Exception {
        if (run(command, true) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static int run(List<String> command, boolean show) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("no end within 90 s: " + String.join(" ", command));
        }
        if (show && process.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ":\n" + output);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "30", "-m", "immediate",
                    "stop"));
        } catch (Exception e) {
            System.err.println("stopping the test's PostgreSQL: " + e.getMessage());
        }
    }
}
