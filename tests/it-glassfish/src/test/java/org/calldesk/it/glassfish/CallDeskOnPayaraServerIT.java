package org.calldesk.it.glassfish;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The unchanged EAR on a fresh PayaraServer domain: the smoke scenario of every server. */
class CallDeskOnPayaraServerIT extends GlassFishDomainScenario {

    @RegisterExtension
    static final GlassFishDomain SERVER = GlassFishDomain.payaraServer();

    @Override
    GlassFishDomain domain() {
        return SERVER;
    }

    /**
     * MicroProfile Health's {@code /health}, which Payara Server answers from a module of its own,
     * reports the application's three checks UP, the broker's too (its probe once ran in that
     * module's context and was refused: "Module __default-web-module is disabled").
     */
    @Test
    void microProfileHealthReportsTheApplicationsChecksUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SERVER.health().orElseThrow())
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(body.getJsonArray("checks")).as(response.body())
                .extracting(check -> check.asJsonObject().getString("name"))
                .contains("pbx", "database", "broker");
        assertThat(body.getJsonArray("checks")).as(response.body())
                .allSatisfy(check -> assertThat(check.asJsonObject().getString("status")).isEqualTo("UP"));
    }
}
