package org.calldesk.bench;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The application's REST API as the bots use it, asynchronously. The bots act for their agents
 * with the administrator's account (the API lets an admin act for any agent, as a supervisor or
 * a CRM integration does); the demo {@code admin} exists in every embedded run.
 */
final class CallDeskApi implements AutoCloseable {

    /** A response: HTTP status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem detail's {@code code}, or the status when the body has none. */
        String problem() {
            try {
                JsonObject json = EventFeed.JSON.createReader(new StringReader(body)).readObject();
                return json.getString("code", Integer.toString(status));
            } catch (RuntimeException e) {
                return Integer.toString(status);
            }
        }

        String field(String name) {
            return EventFeed.JSON.createReader(new StringReader(body)).readObject().getString(name);
        }
    }

    private static final int MAX_ATTEMPTS = 4;

    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();
    private final String api;
    private final String authorization;
    private final ExecutorService executor;
    private final HttpClient client;

    CallDeskApi(String baseUrl, String login, String password) {
        this.api = baseUrl + "/calldesk/api/v1";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "bench-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    CompletableFuture<Answer> registerAgent(String loginId, String agentNumber, String device) {
        return send("POST", "/agents", EventFeed.JSON.createObjectBuilder()
                .add("loginId", loginId).add("name", "Bench " + loginId).add("agentNumber", agentNumber)
                .add("device", device).add("role", "AGENT")
                .add("serviceIds", EventFeed.JSON.createArrayBuilder().add("support").add("sales")).build().toString());
    }

    CompletableFuture<Answer> ctiLogin(String agentId) {
        return send("POST", "/agents/" + agentId + "/cti-login", null);
    }

    CompletableFuture<Answer> ready(String agentId) {
        return send("PUT", "/agents/" + agentId + "/status", "{\"status\":\"READY\"}");
    }

    CompletableFuture<Answer> confirm(String callId) {
        return send("POST", "/calls/" + callId + "/confirm", null);
    }

    CompletableFuture<Answer> hangup(String callId) {
        return send("POST", "/calls/" + callId + "/hangup", null);
    }

    CompletableFuture<Answer> transfer(String callId, String targetAgentId) {
        return send("POST", "/calls/" + callId + "/transfer", "{\"target\":\"" + targetAgentId + "\"}");
    }

    CompletableFuture<Answer> transferConnect(String callId) {
        return send("POST", "/calls/" + callId + "/transfer/connect", null);
    }

    CompletableFuture<Answer> finishCall(String agentId, boolean confirm) {
        return send("POST", "/agents/" + agentId + "/after-call/" + (confirm ? "confirm" : "cancel"), null);
    }

    CompletableFuture<Answer> dial(String agentId, String customerNumber) {
        return send("POST", "/calls", EventFeed.JSON.createObjectBuilder().add("agentId", agentId).add("serviceId", "support")
                .add("customerNumber", customerNumber).add("sendingNumber", "0215880001").build().toString());
    }

    /**
     * Sends the request; a {@code 409 CONCURRENT_CHANGE} (the application lost a race with
     * another change of the same call or agent and changed nothing) is sent again, as the
     * console's user would click again.
     */
    private CompletableFuture<Answer> send(String method, String path, String json) {
        return send(method, path, json, 1);
    }

    private CompletableFuture<Answer> send(String method, String path, String json, int attempt) {
        return sendOnce(method, path, json).thenCompose(answer -> {
            if (answer.status() == 409 && attempt < MAX_ATTEMPTS && answer.body().contains("\"CONCURRENT_CHANGE\"")) {
                retries.incrementAndGet();
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(20L * attempt,
                        TimeUnit.MILLISECONDS, executor)).thenCompose(ignored -> send(method, path, json, attempt + 1));
            }
            return CompletableFuture.completedFuture(answer);
        });
    }

    /** Requests sent again after a concurrent change. */
    long retries() {
        return retries.get();
    }

    private CompletableFuture<Answer> sendOnce(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body()))
                .exceptionally(failure -> new Answer(-1, String.valueOf(failure)));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
