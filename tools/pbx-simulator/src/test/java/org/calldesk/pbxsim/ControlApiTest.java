package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP control API, over real HTTP. */
class ControlApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private PbxSimulator pbx;

    @BeforeEach
    void start() {
        pbx = PbxSimulator.builder().amiPort(0).httpPort(0).build().start();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void reportsHealth() throws Exception {
        HttpResponse<String> response = send("GET", "/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("status", "UP").containsEntry("amiPort", (long) pbx.amiPort());
    }

    @Test
    void placesAnInboundCallAndListsIt() throws Exception {
        HttpResponse<String> created = send("POST", "/calls", "{\"from\":\"01012345678\",\"to\":\"15880001\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, Object> call = json(created);
        assertThat((String) call.get("channel")).startsWith("PJSIP/trunk-");
        assertThat(call.get("id")).isEqualTo(call.get("uniqueid"));

        HttpResponse<String> listed = send("GET", "/calls", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        List<?> calls = (List<?>) Json.parse(listed.body());
        assertThat(calls).hasSize(1);
        Map<?, ?> first = (Map<?, ?>) calls.get(0);
        assertThat(first.get("id")).isEqualTo(call.get("id"));
        Map<?, ?> channel = (Map<?, ?>) ((List<?>) first.get("channels")).get(0);
        assertThat(channel.get("callerIdNum")).isEqualTo("01012345678");
        assertThat(channel.get("exten")).isEqualTo("15880001");
    }

    @Test
    void hangsUpACallForTheCustomer() throws Exception {
        Map<String, Object> call = json(send("POST", "/calls", "{\"from\":\"0101\",\"to\":\"15880001\"}"));
        HttpResponse<String> hungUp = send("POST", "/calls/" + call.get("id") + "/hangup", null);
        assertThat(hungUp.statusCode()).isEqualTo(204);
        assertThat(pbx.calls()).isEmpty();
        assertThat(send("POST", "/calls/" + call.get("id") + "/hangup", null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesBadRequestsWithAJsonError() throws Exception {
        HttpResponse<String> badJson = send("POST", "/calls", "{\"from\":");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(json(badJson)).containsKey("error");
        assertThat(send("POST", "/calls", "{\"from\":\"0101\"}").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/calls/no-such-call", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/health", null).statusCode()).isEqualTo(405);
    }

    @Test
    void scriptsAPhoneAndShowsItsState() throws Exception {
        HttpResponse<String> busy = send("PUT", "/phones/PJSIP%2F1001", "{\"answer\":\"busy\"}");
        assertThat(busy.statusCode()).isEqualTo(200);
        assertThat(json(busy)).containsEntry("device", "PJSIP/1001").containsEntry("answer", "busy")
                .containsEntry("registered", true).containsEntry("state", "NOT_INUSE");

        HttpResponse<String> after = send("PUT", "/phones/PJSIP%2F1001", "{\"answer\":\"after\",\"afterMs\":300}");
        assertThat(json(after)).containsEntry("answer", "after").containsEntry("afterMs", 300L);

        HttpResponse<String> unregistered = send("PUT", "/phones/PJSIP%2F1001", "{\"registered\":false}");
        assertThat(json(unregistered)).containsEntry("registered", false).containsEntry("state", "UNAVAILABLE")
                .containsEntry("afterMs", 300L);
        assertThat(pbx.device("PJSIP/1001")).hasValueSatisfying(d -> assertThat(d.registered()).isFalse());

        List<?> phones = (List<?>) Json.parse(send("GET", "/phones", null).body());
        assertThat(phones).hasSize(99);
        assertThat(json(send("GET", "/phones/PJSIP%2F1050", null))).containsEntry("answer", "after");
        assertThat(send("GET", "/phones/PJSIP%2F9999", null).statusCode()).isEqualTo(404);
    }

    @Test
    void addsAPhoneThatIsNotConfiguredYet() throws Exception {
        HttpResponse<String> added = send("PUT", "/phones/PJSIP%2F2001", "{\"answer\":\"never\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(pbx.device("PJSIP/2001")).hasValueSatisfying(d -> assertThat(d.behaviour().answer().name()).isEqualTo("NEVER"));
        assertThat(send("PUT", "/phones/trunk", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void scriptsACustomerAndForgetsTheScript() throws Exception {
        HttpResponse<String> scripted = send("PUT", "/customers/01012345678", "{\"answer\":\"never\",\"hangupAfterMs\":5000}");
        assertThat(scripted.statusCode()).isEqualTo(200);
        assertThat(json(scripted)).containsEntry("answer", "never").containsEntry("hangupAfterMs", 5000L)
                .containsEntry("scripted", true);
        assertThat((List<?>) Json.parse(send("GET", "/customers", null).body())).hasSize(1);

        assertThat(send("DELETE", "/customers/01012345678", null).statusCode()).isEqualTo(204);
        assertThat(json(send("GET", "/customers/01012345678", null))).containsEntry("scripted", false)
                .containsEntry("answer", "after").containsEntry("afterMs", 1000L);
    }

    @Test
    void refusesAnUnknownBehaviourField() throws Exception {
        HttpResponse<String> response = send("PUT", "/customers/0101", "{\"anwser\":\"busy\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").toString()).contains("anwser");
        assertThat(send("PUT", "/phones/PJSIP%2F1001", "{\"answer\":\"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/phones/PJSIP%2F1001", "{\"afterMs\":-5}").statusCode()).isEqualTo(400);
    }

    @Test
    void startsReportsAndStopsALoad() throws Exception {
        assertThat(send("GET", "/load", null).statusCode()).isEqualTo(404);
        HttpResponse<String> started = send("POST", "/load",
                "{\"callsPerSecond\":200,\"durationSeconds\":60,\"services\":[\"15880001\",\"15880002\"],\"holdMs\":100}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json(started)).containsEntry("callsPerSecond", 200.0).containsEntry("finished", false);

        await().atMost(Duration.ofSeconds(20)).until(() -> (Long) json(send("GET", "/load", null)).get("placed") >= 20);
        Map<String, Object> stopped = json(send("DELETE", "/load", null));
        assertThat(stopped).containsEntry("finished", true);
        long placed = (Long) stopped.get("placed");
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.channelCount() == 0);
        assertThat((Long) json(send("GET", "/load", null)).get("placed")).isEqualTo(placed);
        assertThat(send("POST", "/load", "{\"callsPerSecond\":0,\"durationSeconds\":1}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pbx.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        return Json.parseObject(response.body());
    }
}
