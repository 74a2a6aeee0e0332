package org.calldesk.it.glassfish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.calldesk.it.servers.PbxSimulatorExtension;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A fresh domain of Payara Server or GlassFish, unpacked from Maven Central by the build, with the
 * unchanged EAR deployed to it: exactly the {@code asadmin} commands of docs/operations.md ("Deploying the
 * EAR to your own server"). Every port of the domain is a free one ({@code --portbase}), so runs
 * of the build in parallel and the services of the machine never clash. The PBX is the simulator
 * of {@link PbxSimulatorExtension} (register this extension after it). With PostgreSQL, the
 * server's default data source points at a database of this run's own, dropped afterwards.
 */
final class GlassFishDomain implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    /** The ports asadmin create-domain derives from --portbase (admin +48, HTTP +80, JMS +76, ...). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};
    private static final String DOMAIN = "calldesk";
    private static final int MAX_LOG_LINES = 300;

    private final String server;
    private final Path home;
    private final boolean postgres;
    /** Payara Server: MicroProfile Health, and asadmin deploy --skipdsfailure. */
    private final boolean reportsHealth;
    /** An operator's mistakes: the default data source on a PostgreSQL nobody runs, a wrong AMI secret. */
    private final boolean badSettings;
    private int portBase;
    private Path domains;
    private String database;
    private String healthWithoutDatabase;

    private GlassFishDomain(String server, Path home, boolean postgres, boolean reportsHealth, boolean badSettings) {
        this.server = server;
        this.home = home;
        this.postgres = postgres;
        this.reportsHealth = reportsHealth;
        this.badSettings = badSettings;
    }

    /** Payara Server 6 on its default data source (H2), with MicroProfile Health. */
    static GlassFishDomain payaraServer() {
        return new GlassFishDomain("payara-server", Path.of(System.getProperty("it.payara.home", "target/payara6")),
                false, true, false);
    }

    /**
     * Payara Server with an operator's mistakes: its default data source on a PostgreSQL address
     * where nothing listens, and a wrong AMI secret (no demo data, which needs the database). The
     * test then fixes them one by one ({@link #fixAmiSecret}, {@link #fixDataSource}); the database
     * it fixes to is one of this run's own, so PostgreSQL is needed as for GlassFish.
     */
    static GlassFishDomain payaraServerWithBadSettings() {
        return new GlassFishDomain("payara-server-bad-settings",
                Path.of(System.getProperty("it.payara.home", "target/payara6")), false, true, true);
    }

    /** GlassFish 7 on PostgreSQL (its default database, Derby, is one Flyway does not migrate); no MicroProfile Health. */
    static GlassFishDomain glassFish() {
        return new GlassFishDomain("glassfish", Path.of(System.getProperty("it.glassfish.home", "target/glassfish7")),
                true, false, false);
    }

    String server() {
        return server;
    }

    URL base() {
        try {
            return URI.create("http://127.0.0.1:" + (portBase + 80) + "/calldesk/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<URI> health() {
        return reportsHealth ? Optional.of(URI.create("http://127.0.0.1:" + (portBase + 80) + "/health")) : Optional.empty();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if ((postgres || badSettings) && !postgresReachable()) {
            // as the persistence tests: CI (CALLDESK_TEST_POSTGRES=required) fails, a developer's machine skips
            String missing = server + " runs on PostgreSQL, which is not reachable at " + pgUrl("postgres")
                    + " (it.postgres.host / it.postgres.port)";
            if ("required".equals(System.getenv("CALLDESK_TEST_POSTGRES"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        portBase = freePortBase();
        domains = Path.of(System.getProperty("it.domains", "target/domains"), server).toAbsolutePath();
        deleteRecursively(domains);
        long started = System.nanoTime();
        local("create-domain", "--domaindir", domains.toString(), "--portbase", String.valueOf(portBase),
                "--nopassword=true", DOMAIN);
        local("start-domain", "--domaindir", domains.toString(), DOMAIN);
        System.out.printf("%s: domain created and started in %d s (ports %d-%d)%n", server,
                (System.nanoTime() - started) / 1_000_000_000, portBase, portBase + 99);
        if (postgres) {
            // GlassFish is deployed to before its database exists (it then does not answer, as one
            // that is down); the database is created after the deployment
            database = databaseName();
            pointDefaultDataSourceAt(pgHost(), pgPort(), database);
        } else if (badSettings) {
            // a database of its own for when the operator fixes the setting (fixDataSource); until
            // then the pool names a port of that host where nothing listens
            database = createDatabase();
            pointDefaultDataSourceAt(pgHost(), String.valueOf(freePort()), database);
        }
        PbxSimulator pbx = PbxSimulatorExtension.pbx();
        remote("create-system-properties", "calldesk.ami.host=" + pbx.bindAddress().getHostAddress()
                + ":calldesk.ami.port=" + pbx.amiPort()
                + ":calldesk.ami.username=" + PbxSimulatorExtension.AMI_USERNAME
                + ":calldesk.ami.secret=" + (badSettings ? "not-the-secret" : PbxSimulatorExtension.AMI_SECRET)
                + ":calldesk.demo.enabled=" + !badSettings);
        long deploying = System.nanoTime();
        String ear = Path.of(System.getProperty("it.runtime", "target/runtime"), "calldesk.ear").toAbsolutePath().toString();
        if (reportsHealth) {
            // Payara Server: a database that does not answer while deploying does not fail the
            // deployment (it opens the persistence unit's data source then); GlassFish has no such option
            remote("deploy", "--name", "calldesk", "--skipdsfailure=true", ear);
        } else {
            remote("deploy", "--name", "calldesk", ear);
        }
        System.out.printf("%s: calldesk.ear deployed in %d s%n", server, (System.nanoTime() - deploying) / 1_000_000_000);
        if (postgres) {
            healthWithoutDatabase = health(URI.create(base().toString()).resolve("health"));
            createDatabase(database);
            awaitDemoSignIn();
        }
    }

    /**
     * Until the application has migrated the database created after it started (every 30 s) and
     * put the demo accounts in it (every 30 s after that): admin signs in to the REST API.
     */
    private void awaitDemoSignIn() throws IOException, InterruptedException {
        long waiting = System.nanoTime();
        URI calls = URI.create(base().toString()).resolve("api/v1/calls");
        String basic = java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        long deadline = waiting + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(calls)
                    .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                System.out.printf("%s: database created after the deployment; migrated and seeded %d s later%n", server,
                        (System.nanoTime() - waiting) / 1_000_000_000);
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(server + ": the application did not take the database created after "
                        + "its deployment within 3 minutes (GET /api/v1/calls as admin: " + response.statusCode() + ")");
            }
            Thread.sleep(1000);
        }
    }

    /** What {@code /calldesk/health} said (status, body) after the deployment, before the database existed. */
    String healthWithoutDatabase() {
        return healthWithoutDatabase;
    }

    private static String health(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isPresent()) {
            printProblems(context.getDisplayName());
        }
        try {
            if (domains != null && Files.isDirectory(domains.resolve(DOMAIN))) {
                local("stop-domain", "--domaindir", domains.toString(), DOMAIN);
            }
        } finally {
            if (database != null) {
                dropDatabase(database);
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        printProblems(context.getDisplayName());
    }

    /** PostgreSQL as the server's default data source (jdbc/__default, java:comp/DefaultDataSource). */
    private void pointDefaultDataSourceAt(String host, String port, String databaseName)
            throws IOException, InterruptedException {
        remote("add-library", Path.of(System.getProperty("it.runtime", "target/runtime"), "postgresql.jar")
                .toAbsolutePath().toString());
        remote("create-jdbc-connection-pool", "--datasourceclassname", "org.postgresql.ds.PGSimpleDataSource",
                "--restype", "javax.sql.DataSource", "--property",
                "user=" + pgUser() + ":password=" + pgPassword() + ":serverName=" + host + ":portNumber=" + port
                        + ":databaseName=" + databaseName,
                "CallDeskPool");
        remote("set", "resources.jdbc-resource.jdbc/__default.pool-name=CallDeskPool");
    }

    /**
     * The operator corrects the AMI secret (the server's system property) and restarts the domain,
     * as the PBX adapter reads its settings when it starts.
     */
    void fixAmiSecret() throws IOException, InterruptedException {
        remote("delete-system-property", "calldesk.ami.secret");
        remote("create-system-properties", "calldesk.ami.secret=" + PbxSimulatorExtension.AMI_SECRET);
        long restarting = System.nanoTime();
        local("restart-domain", "--domaindir", domains.toString(), DOMAIN);
        System.out.printf("%s: domain restarted in %d s%n", server, (System.nanoTime() - restarting) / 1_000_000_000);
    }

    /**
     * The operator points the default data source's pool at the port where PostgreSQL listens, and
     * restarts the domain: Payara Server 6.2025.10 does not take a changed pool property while it
     * runs (its connections then fail with "No password credential found", RAR7099 "the mcf being
     * used to allocate the connection and the MCF in the pool are not equal").
     */
    void fixDataSource() throws IOException, InterruptedException {
        remote("set", "resources.jdbc-connection-pool.CallDeskPool.property.portNumber=" + pgPort());
        long restarting = System.nanoTime();
        local("restart-domain", "--domaindir", domains.toString(), DOMAIN);
        System.out.printf("%s: domain restarted in %d s%n", server, (System.nanoTime() - restarting) / 1_000_000_000);
    }

    /** The EAR deployed again over itself, in the running domain (asadmin deploy --force=true). */
    void redeploy() throws IOException, InterruptedException {
        String ear = Path.of(System.getProperty("it.runtime", "target/runtime"), "calldesk.ear").toAbsolutePath().toString();
        long deploying = System.nanoTime();
        if (reportsHealth) {
            remote("deploy", "--force=true", "--name", "calldesk", "--skipdsfailure=true", ear);
        } else {
            remote("deploy", "--force=true", "--name", "calldesk", ear);
        }
        System.out.printf("%s: calldesk.ear redeployed in %d s%n", server, (System.nanoTime() - deploying) / 1_000_000_000);
    }

    /** Which of these customers' calls the application has recorded (its database, read with JDBC). */
    java.util.Set<String> recordedCallers(java.util.Collection<String> callers) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        try (Connection connection = DriverManager.getConnection(pgUrl(database), pgUser(), pgPassword());
             Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getTables(null, null, "call_record", null).next()) {
                return found; // not migrated yet
            }
            try (java.sql.ResultSet rows = statement.executeQuery("select customer_number from call_record")) {
                while (rows.next()) {
                    if (callers.contains(rows.getString(1))) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /** The server's log, as the operator reads it. */
    String log() throws IOException {
        // server.log and any the server rotated (server.log_<date>, a restart may start a new one)
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Files.list(domains.resolve(DOMAIN).resolve("logs"))) {
            for (Path log : logs.filter(path -> path.getFileName().toString().startsWith("server.log"))
                    .sorted(Comparator.comparing(path -> !path.getFileName().toString().equals("server.log")))
                    .toList()) {
                all.append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    /** An asadmin command run on this machine (create-domain, start-domain, stop-domain). */
    private void local(String... command) throws IOException, InterruptedException {
        asadmin(List.of(command));
    }

    /** An asadmin command run by the domain's administration server. */
    private void remote(String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(portBase + 48)));
        arguments.addAll(List.of(command));
        asadmin(arguments);
    }

    private void asadmin(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toAbsolutePath().toString());
        command.add("--interactive=false");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        // a slow machine: GlassFish gives up waiting for its server after 60 s otherwise
        builder.environment().put("AS_START_TIMEOUT", "900000");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(server + ": asadmin " + String.join(" ", arguments) + " failed:\n" + output);
        }
    }

    private static int freePortBase() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                free &= isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of 100 ports found");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean postgresReachable() {
        try (Connection connection = DriverManager.getConnection(pgUrl("postgres"), pgUser(), pgPassword())) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A database of this run's own, so parallel runs and the persistence tests' database stay apart. */
    private String createDatabase() throws SQLException {
        return createDatabase(databaseName());
    }

    private String databaseName() {
        return "calldesk_it_" + server.replace('-', '_') + "_" + ProcessHandle.current().pid();
    }

    private static String createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pgUrl("postgres"), pgUser(), pgPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static void dropDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pgUrl("postgres"), pgUser(), pgPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String pgHost() {
        return System.getProperty("it.postgres.host", "127.0.0.1");
    }

    private static String pgPort() {
        return System.getProperty("it.postgres.port", "5432");
    }

    private static String pgUser() {
        return System.getProperty("it.postgres.user", "postgres");
    }

    /** The trust authentication of the test database ignores it; a server pool wants one. */
    private static String pgPassword() {
        return System.getProperty("it.postgres.password", "postgres");
    }

    private static String pgUrl(String database) {
        return "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + database;
    }

    /** The warnings and errors of the server's log, so a failed CI run still says what the server saw. */
    private void printProblems(String what) {
        if (domains == null) {
            return;
        }
        Path log = domains.resolve(DOMAIN).resolve("logs/server.log");
        if (!Files.isRegularFile(log)) {
            System.err.println("no server log at " + log);
            return;
        }
        try {
            Deque<String> problems = new ArrayDeque<>();
            boolean inProblem = false;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("[") && line.contains("] [")) {
                    inProblem = line.contains("[WARNING]") || line.contains("[SEVERE]");
                }
                if (inProblem) {
                    problems.addLast(line);
                    if (problems.size() > MAX_LOG_LINES) {
                        problems.removeFirst();
                    }
                }
            }
            System.err.println("---- " + what + " failed on " + server + "; warnings and errors of " + log);
            problems.forEach(System.err::println);
            System.err.println("---- end of " + server + "'s warnings and errors");
        } catch (IOException e) {
            System.err.println("cannot read " + log + ": " + e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
