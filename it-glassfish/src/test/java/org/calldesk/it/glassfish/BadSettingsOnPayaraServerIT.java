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
import org.calldesk.it.servers.PbxSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EAR deployed by an operator who got two settings wrong (docs/operations.md, "Deploying the EAR"): the
 * default data source on a PostgreSQL address where nothing listens, and a wrong AMI secret. The
 * deployment still succeeds, and {@code /health}, the application's own {@code /calldesk/health}
 * (503) and the server log say in plain words what is
 * wrong and which setting to fix.
 */
@ExtendWith(PbxSimulatorExtension.class)
class BadSettingsOnPayaraServerIT {

    @RegisterExtension
    static final GlassFishDomain SERVER = GlassFishDomain.payaraServerWithBadSettings();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
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
