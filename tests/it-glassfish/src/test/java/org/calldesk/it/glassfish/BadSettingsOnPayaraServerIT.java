package org.calldesk.it.glassfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;
import org.calldesk.it.servers.PbxSimulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EAR deployed by an operator who got two settings wrong (docs/operations.md, "Deploying the EAR"): the
 * default data source on a PostgreSQL address where nothing listens, and a wrong AMI secret. The
 * deployment still succeeds, and {@code /health}, the application's own {@code /calldesk/health}
 * (503) and the server log say in plain words what is
 * wrong and which setting to fix. Then the operator fixes one setting after the other, and no
 * call the PBX reported is lost: a caller who rang while the AMI secret was wrong (the PBX kept
 * the call, the application heard nothing) and one who rang while the database was still missing
 * (its events waited on the queue, through the restart the pool change needs) are both recorded
 * once the database is there. Last, the EAR is deployed again over itself without a restart.
 */
@ExtendWith(PbxSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadSettingsOnPayaraServerIT {

    @RegisterExtension
    static final GlassFishDomain SERVER = GlassFishDomain.payaraServerWithBadSettings();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void theDeploymentSaysWhatIsWrongAndNamesTheSettingsToFix() throws Exception {
        Map<String, JsonObject> checks = await("pbx and database reported DOWN by /health").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(this::checks, found -> isDown(found.get("pbx")) && isDown(found.get("database")));

        assertThat(checks.get("pbx").toString()).contains("calldesk.ami.secret");
        assertThat(checks.get("database").toString()).contains("jdbc/__default");
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(SERVER.base().toURI().resolve("health"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(503);
        assertThat(own.body()).contains("\"status\":\"DOWN\"").contains("calldesk.ami.secret").contains("jdbc/__default");
        assertThat(SERVER.log())
                .contains("calldesk.ami.secret")
                .contains("the database could not be migrated")
                .contains("jdbc/__default");
    }

    @Test
    @Order(2)
    void noCallThePbxReportedIsLostOnceTheSettingsAreFixed() throws Exception {
        List<String> callers = new ArrayList<>();
        String whileSecretWrong = caller("0103");
        callers.add(whileSecretWrong);
        PbxSimulatorExtension.pbx().inboundCall(whileSecretWrong, "15880001");

        SERVER.fixAmiSecret();
        await("pbx UP, database still DOWN").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(this::checks, found -> isUp(found.get("pbx")) && isDown(found.get("database")));
        String whileDatabaseMissing = caller("0104");
        callers.add(whileDatabaseMissing);
        PbxSimulatorExtension.pbx().inboundCall(whileDatabaseMissing, "15880001");
        await("the PBX events wait for the schema").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVER.log().contains("waits: the database schema is not migrated yet"));
        assertThat(SERVER.recordedCallers(callers)).as("recorded before the database was there").isEmpty();

        SERVER.fixDataSource();
        long fixed = System.nanoTime();
        await("both callers recorded").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVER.recordedCallers(callers).size() == callers.size());
        System.out.printf("payara-server-bad-settings: both calls recorded %d s after the data source was fixed%n",
                (System.nanoTime() - fixed) / 1_000_000_000);
        await("/health UP").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(this::checks, found -> found.values().stream().allMatch(BadSettingsOnPayaraServerIT::isUp));
    }

    /**
     * Redeployed over itself without a restart (asadmin deploy --force=true): the application
     * comes up again, the adapter logs in again and a new call is recorded.
     */
    @Test
    @Order(3)
    void aRedeployWithoutRestartWorks() throws Exception {
        SERVER.redeploy();
        await("/health UP after the redeploy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(this::checks, found -> found.size() == 3
                        && found.values().stream().allMatch(BadSettingsOnPayaraServerIT::isUp));
        String afterRedeploy = caller("0105");
        PbxSimulatorExtension.pbx().inboundCall(afterRedeploy, "15880001");
        await("the call after the redeploy recorded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SERVER.recordedCallers(List.of(afterRedeploy)).size() == 1);
        assertThat(SERVER.log()).doesNotContain("ClassCastException");
    }

    private static String caller(String prefix) {
        return prefix + String.format("%07d", System.nanoTime() % 10_000_000);
    }

    private static boolean isUp(JsonObject check) {
        return check != null && "UP".equals(check.getString("status"));
    }

    private Map<String, JsonObject> checks() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(SERVER.health().orElseThrow())
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
    }

    private static boolean isDown(JsonObject check) {
        return check != null && "DOWN".equals(check.getString("status"));
    }
}
