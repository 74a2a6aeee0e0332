package org.calldesk.itbrowser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The REST API as admin, to check what the console did and to tidy up after a scenario. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    ApiClient(URL base, String login, String password) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonObject agent(String id) {
        return Json.createReader(new StringReader(send("GET", "api/v1/agents/" + id).body())).readObject();
    }

    JsonObject call(String id) {
        return Json.createReader(new StringReader(send("GET", "api/v1/calls/" + id).body())).readObject();
    }

    /**
     * Whatever an agent's status, back to logged out (for a clean next scenario): once the calls
     * are hung up, wait for the PBX's report to reach the agent, finish the call, log out.
     */
    void logOut(String agentId) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (true) {
            String status = agent(agentId).getString("status");
            switch (status) {
                case "LOGGED_OUT":
                    return;
                case "AFTER_CALL":
                    send("POST", "api/v1/agents/" + agentId + "/after-call/confirm");
                    break;
                case "REST":
                case "READY":
                case "BUSINESS":
                    send("POST", "api/v1/agents/" + agentId + "/cti-logout");
                    break;
                default:
                    if (java.time.Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException(agentId + " is still " + status);
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
            }
        }
    }

    HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", authorization).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
