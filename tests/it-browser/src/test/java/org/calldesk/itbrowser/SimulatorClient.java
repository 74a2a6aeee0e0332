package org.calldesk.itbrowser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The PBX simulator's control API (tools/pbx-simulator/README.md): customers call, phones and customers are scripted. */
final class SimulatorClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    SimulatorClient(String base) {
        this.base = base.replaceAll("/$", "");
    }

    /** Where the control API answers. */
    URI controlApi() {
        return URI.create(base);
    }

    /** A customer calls a service number; returns the simulator's call id. */
    String call(String from, String to) {
        JsonObject answer = read(send("POST", "/calls", Json.createObjectBuilder().add("from", from).add("to", to)
                .build().toString(), 201));
        return answer.getString("id");
    }

    void hangUpEveryCall() {
        JsonArray calls = Json.createReader(new StringReader(send("GET", "/calls", null, 200))).readArray();
        for (JsonValue call : calls) {
            send("POST", "/calls/" + call.asJsonObject().getString("id") + "/hangup", null, -1);
        }
    }

    void phoneRegistered(String device, boolean registered) {
        send("PUT", "/phones/" + URLEncoder.encode(device, StandardCharsets.UTF_8),
                "{\"registered\":" + registered + "}", 200);
    }

    /** The customer with this number answers Dial up after this long. */
    void customerAnswersAfter(String number, long millis) {
        send("PUT", "/customers/" + number, "{\"answer\":\"after\",\"afterMs\":" + millis + "}", 200);
    }

    private String send(String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("PBX simulator not reachable at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
