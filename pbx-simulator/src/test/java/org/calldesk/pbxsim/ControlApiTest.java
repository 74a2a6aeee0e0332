package org.calldesk.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
