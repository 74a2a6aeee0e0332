package org.calldesk.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.calldesk.itbrowser.Browser;
import org.calldesk.itbrowser.Console;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What must work on every full server the unchanged EAR is deployed to: a PBX event from the
 * simulator reaches the REST API; an agent signs in to the console in Chromium, logs in to CTI,
 * goes Ready, confirms an inbound call and hangs up; and the application's own health answer,
 * {@code /calldesk/health}, asked without credentials, reports the PBX, database and broker UP
 * (on every server, with or without MicroProfile Health). Each server's test says where the
 * application is and which PBX it talks to.
 *
 * <p>Demo set-up (calldesk.demo.enabled): Customer Support (15880001) is served by agent1 and
 * agent2, Sales (15880002) by agent1 and agent3. The REST test's call waits in Customer Support,
 * which agent3, the console's agent, does not serve: the tests do not depend on their order.
 */
public abstract class ServerSmokeScenario {

    protected static final String SUPPORT = "15880001";
    protected static final String SALES = "15880002";

    /** The application's root, {@code http://host:port/calldesk/}. */
    protected abstract URL base();

    /** The PBX the server's application talks to: the simulator of {@link PbxSimulatorExtension}. */
    protected PbxSimulator pbx() {
        return PbxSimulatorExtension.pbx();
    }

    /** Which server, in the screenshots' folder names. */
    protected abstract String server();

    @Test
    void inboundCallFromThePbxIsRecordedAndListed() throws Exception {
        CallDeskClient api = CallDeskClient.signedIn(base().toURI(), "admin", "admin");
        String caller = customerNumber("0102");

        long rang = System.nanoTime();
        pbx().inboundCall(caller, SUPPORT);

        JsonObject call = await("the call listed by GET /api/v1/calls").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> findCall(api, caller), Optional::isPresent).orElseThrow();
        System.out.printf("%s: the PBX's call listed by GET /api/v1/calls %d ms after it rang%n", server(),
                (System.nanoTime() - rang) / 1_000_000);
        assertThat(call.getString("direction")).isEqualTo("INBOUND");
        assertThat(call.getString("status")).isEqualTo("WAITING");
        assertThat(call.getString("serviceNumber")).isEqualTo(SUPPORT);
        assertThat(call.getString("pbxCallId")).isNotBlank();
    }

    @Test
    void anAgentConfirmsACallInTheConsoleAndHangsUp() {
        try (Browser browser = Browser.open(base(), server() + "-console", "agent3")) {
            Console console = new Console(browser);
            console.signIn("agent3", "agent3");
            console.ctiLogin();
            console.ready();

            String caller = customerNumber("0103");
            pbx().inboundCall(caller, SALES);
            console.alert();
            browser.shows(Console.ALERT, caller);
            console.status("Alerting");
            browser.screenshot("inbound-alert");

            console.confirmAlert();
            console.status("Talking");
            browser.shows(By.id("callNumber"), caller);
            browser.screenshot("confirmed-talking");

            console.hangUp();
            browser.shows(Console.FINISH, "Agent hung up");
            browser.screenshot("hung-up");
        }
    }

    @Test
    void healthListsTheApplicationsPbxDatabaseAndBrokerChecks() throws Exception {
        URI health = base().toURI().resolve("health");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(body.getString("status")).as(response.body()).isEqualTo("UP");
        assertThat(body.getJsonArray("checks")).as(response.body())
                .extracting(check -> check.asJsonObject().getString("name"))
                .contains("pbx", "database", "broker");
        assertThat(body.getJsonArray("checks")).as(response.body())
                .allSatisfy(check -> assertThat(check.asJsonObject().getString("status")).isEqualTo("UP"));
    }

    private static String customerNumber(String prefix) {
        return prefix + String.format("%07d", System.nanoTime() % 10_000_000);
    }

    private static Optional<JsonObject> findCall(CallDeskClient api, String caller) throws Exception {
        return api.getJson("api/v1/calls").asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(call -> call.getString("customerNumber").equals(caller))
                .findFirst();
    }
}
