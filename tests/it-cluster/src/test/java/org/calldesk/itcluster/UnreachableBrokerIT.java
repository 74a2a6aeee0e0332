package org.calldesk.itcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.calldesk.launcher.CallDeskLauncher;
import org.calldesk.launcher.LauncherSettings;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input of issue 14, "an unreachable broker", on the one deployment whose broker is a
 * separate process the operator names: a Payara Micro node (as the launcher runs it) whose
 * Artemis adapter points at an address where no broker listens. (On Payara Server and GlassFish
 * the broker is the server's own OpenMQ; pointed at a remote one that does not answer, the server
 * itself refuses the deployment while activating the message-driven beans — see README, "What
 * works where".)
 *
 * <p>The node deploys; {@code /calldesk/health} answers 503 with {@code broker} DOWN naming the
 * setting to fix, and the node's log says the same in plain words. Calls ring at the PBX during
 * the outage: their events wait in the PBX adapter ({@code eventsWaiting}) and none is applied.
 * Then a broker starts on that address: every call the PBX reported during the outage is
 * recorded, and the health is UP.
 */
class UnreachableBrokerIT {

    private static final Duration START = Duration.ofMinutes(6);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SERVICE_NUMBER = "15880001";
    private static final int CALLS = 5;

    private PbxSimulator pbx;
    private ClusterNode node;
    private BrokerProcess broker;

    @AfterEach
    void stop() {
        Stopping.all(node, pbx, broker);
    }

    @Test
    void aNodeWhoseBrokerIsUnreachableDeploysSaysWhatIsWrongAndAppliesEveryPbxEventOnceTheBrokerIsThere()
            throws Exception {
        Path work = Path.of(System.getProperty("cluster.work")).resolve("unreachable-broker-" + System.currentTimeMillis());
        Files.createDirectories(work.resolve("broker"));
        int brokerPort = freePort(); // nothing listens there until the test starts a broker on it
        pbx = PbxSimulator.builder().amiPort(0).httpPort(0).build().start();
        int port = freePort();
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--http-port", Integer.toString(port),
                "--data", work.resolve("node").toString(), "--ami-port", Integer.toString(pbx.amiPort()),
                "--pbx-control-port", Integer.toString(pbx.httpPort()), "--broker-port", Integer.toString(brokerPort),
                "--crm-url", "none"}, Map.of());
        Map<String, String> properties = CallDeskLauncher.applicationProperties(settings,
                "tcp://127.0.0.1:" + brokerPort, "none");
        node = ClusterNode.start("node", Path.of(System.getProperty("cluster.runtime")), work.resolve("node"), port,
                brokerPort, properties);

        Map<String, JsonObject> checks = await("deployed, /calldesk/health says the broker is DOWN").atMost(START)
                .pollInterval(Duration.ofSeconds(1))
                .until(this::checks, found -> found.isPresent() && isDown(found.get().get("broker"))).orElseThrow();
        assertThat(checks.get("broker").getJsonObject("data").getString("fix"))
                .contains("ConnectionParameters").contains("calldesk.broker.url");
        assertThat(checks.get("database").getString("status")).isEqualTo("UP");
        Path log = work.resolve("node").resolve("payara.log");
        await("the log says the broker cannot be reached").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Files.readString(log, StandardCharsets.UTF_8)
                        .contains("the message broker cannot be reached"));
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(said.substring(said.indexOf("the message broker cannot be reached")))
                .contains("ConnectionParameters").contains("calldesk.broker.url");

        List<String> callers = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            String caller = "0107" + String.format("%07d", (System.nanoTime() + i) % 10_000_000);
            callers.add(caller);
            pbx.inboundCall(caller, SERVICE_NUMBER);
        }
        long waiting = await("the PBX's events wait in the adapter").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> checks().map(found -> found.get("pbx").getJsonObject("data"))
                        .map(data -> data.getJsonNumber("eventsWaiting").longValue()).orElse(0L), n -> n >= CALLS - 1);
        assertThat(recordedCallers(callers)).as("calls applied while the broker was unreachable").isEmpty();

        broker = BrokerProcess.start(brokerPort, work.resolve("broker"));
        await("broker listening").atMost(Duration.ofSeconds(60)).until(broker::listening);
        long brokerUp = System.nanoTime();
        await("every call the PBX reported during the outage recorded").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500)).until(() -> recordedCallers(callers).size() == CALLS);
        System.out.printf("unreachable broker: %d events waited in the adapter; all %d calls recorded %d ms after the"
                + " broker listened%n", waiting, CALLS, (System.nanoTime() - brokerUp) / 1_000_000);
        await("/calldesk/health UP").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> node.health().statusCode() == 200);
        await("the log says the broker answers again").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Files.readString(log, StandardCharsets.UTF_8)
                        .contains("the message broker answers again"));
    }

    /** The application's checks by name; empty while it does not answer yet. */
    private Optional<Map<String, JsonObject>> checks() {
        try {
            HttpResponse<String> response = node.health();
            if (response.statusCode() != 200 && response.statusCode() != 503) {
                return Optional.empty();
            }
            return Optional.of(Json.createReader(new StringReader(response.body())).readObject().getJsonArray("checks")
                    .stream().map(JsonValue::asJsonObject)
                    .collect(Collectors.toMap(check -> check.getString("name"), check -> check)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Set<String> recordedCallers(List<String> callers) throws Exception {
        HttpResponse<String> response = node.get("/calls?limit=200");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray().stream().map(JsonValue::asJsonObject)
                .map(call -> call.getString("customerNumber")).filter(callers::contains).collect(Collectors.toSet());
    }

    private static boolean isDown(JsonObject check) {
        return check != null && "DOWN".equals(check.getString("status"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
