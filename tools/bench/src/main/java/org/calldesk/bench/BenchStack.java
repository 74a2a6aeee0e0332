package org.calldesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calldesk.launcher.CallDeskLauncher;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.launcher.LauncherSettings;
import org.calldesk.launcher.PayaraMicroProcess;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.pbxsim.pbx.Behaviour;

/**
 * The product as the launcher runs it, started part by part so the benchmark can hold each: the
 * Artemis broker and the PBX simulator in this process (as in the launcher's), Payara Micro with
 * the application in a child process, on free ports and a fresh data folder. Only the
 * simulator's phones differ: one per agent bot.
 */
final class BenchStack implements AutoCloseable {

    static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String POSTGRES_USER = "postgres";
    static final String POSTGRES_DATABASE = "calldesk_bench";

    final Path dataDir;
    final int httpPort;
    final EmbeddedBroker broker;
    final PbxSimulator pbx;
    final String dbUrl;
    final String dbUser;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile PayaraMicroProcess payara;

    private BenchStack(Path dataDir, int httpPort, EmbeddedBroker broker, PbxSimulator pbx, String dbUrl, String dbUser) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.broker = broker;
        this.pbx = pbx;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
    }

    /** Broker and simulator; the application comes with {@link #startApplication}, after the floors. */
    static BenchStack startInfrastructure(BenchOptions options, Path dataDir, List<String> phones) throws Exception {
        Files.createDirectories(dataDir);
        int httpPort = freePort();
        EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("broker"), "127.0.0.1", freePort());
        PbxSimulator pbx = PbxSimulator.builder()
                .amiPort(freePort())
                .httpPort(freePort())
                .phones(phones)
                .phoneBehaviour(Behaviour.answerAfter(options.phoneAnswerMillis()))
                .customerBehaviour(Behaviour.answerAfter(300))
                .build()
                .start();
        String dbUrl;
        String dbUser = "calldesk";
        if (options.database() == BenchOptions.Database.POSTGRES) {
            recreatePostgresDatabase();
            dbUrl = "jdbc:postgresql://127.0.0.1:5432/" + POSTGRES_DATABASE;
            dbUser = POSTGRES_USER;
        } else {
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("db").resolve("calldesk");
        }
        return new BenchStack(dataDir, httpPort, broker, pbx, dbUrl, dbUser);
    }

    /** The phones of the demo agents ({@code PJSIP/1001}..{@code 1099}) and one per bot. */
    static List<String> phones(List<String> botDevices) {
        List<String> phones = new ArrayList<>();
        for (int ext = 1001; ext <= 1099; ext++) {
            phones.add("PJSIP/" + ext);
        }
        phones.addAll(botDevices);
        return phones;
    }

    void startApplication(BenchOptions options) throws Exception {
        LauncherSettings settings = LauncherSettings.parse(new String[] {
                "--http-port", Integer.toString(httpPort),
                "--data", dataDir.toString(),
                "--ami-port", Integer.toString(pbx.amiPort()),
                "--pbx-control-port", Integer.toString(pbx.httpPort()),
                "--broker-port", Integer.toString(broker.port()),
                "--db-url", dbUrl,
                "--db-user", dbUser,
                "--max-heap", options.maxHeap(),
                "--crm-url", "none"}, Map.of());
        Map<String, String> properties = CallDeskLauncher.applicationProperties(settings, broker.url(), "none");
        if (!Files.isRegularFile(options.runtime().resolve("payara-micro.jar"))) {
            throw new IllegalStateException("no Payara Micro runtime at " + options.runtime()
                    + "; build first (mvn -B -q -DskipTests install) or name it with --runtime");
        }
        payara = PayaraMicroProcess.start(options.runtime(), dataDir, httpPort, options.maxHeap(), "127.0.0.1",
                broker.port(), properties);
        awaitHealthy(Duration.ofMinutes(4));
    }

    long applicationPid() {
        return payara.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Until the application answers and its health check says database, broker and PBX are up. */
    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see " + dataDir.resolve("payara.log"));
            }
            try {
                // the application is deployed when its API asks for credentials; Payara's /health answers before
                HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/calldesk/api/v1/calls")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = "API " + api.statusCode() + ", health " + health.statusCode() + " " + health.body();
                if ((api.statusCode() == 401 || api.statusCode() == 200) && health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application was not healthy within " + timeout.toSeconds() + " s: " + last);
    }

    private static void recreatePostgresDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + POSTGRES_DATABASE + " with (force)");
            statement.execute("create database " + POSTGRES_DATABASE);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops everything once; also from the shutdown hook on Ctrl-C. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (payara != null) {
            try {
                payara.close();
            } catch (Exception e) {
                System.err.println("bench: stopping Payara Micro: " + e);
            }
        }
        try {
            pbx.close();
        } catch (RuntimeException e) {
            System.err.println("bench: stopping the simulator: " + e);
        }
        try {
            broker.close();
        } catch (Exception e) {
            System.err.println("bench: stopping the broker: " + e);
        }
    }
}
