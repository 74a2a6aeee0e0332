package org.calldesk.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** The REST API as a client sees it, signed in as one account. */
public final class ApiClient {

    /** One answer of the API: its status, content type and body, read as JSON on demand. */
    public record Reply(String method, String path, int status, String contentType, String body, String challenge) {

        public JsonObject json() {
            return read().asJsonObject();
        }

        public JsonArray jsonArray() {
            return read().asJsonArray();
        }

        /** The problem detail's {@code code}, or null if the body is not a problem detail. */
        public String code() {
            return isProblem() ? json().getString("code", null) : null;
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        private JsonStructure read() {
            try {
                return Json.createReader(new StringReader(body)).read();
            } catch (RuntimeException e) {
                throw new IllegalStateException(this + " is not JSON", e);
            }
        }

        /** This reply, if it has the expected status; otherwise an error naming the request and the body. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError(method + " " + path + " answered " + status + ", not " + expected + ": " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String login;
    private final String authorizationHeader;
    private final String authorization;

    public ApiClient(URL base, String login, String password) {
        this(base, login, "Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private ApiClient(URL base, String login, String authorizationHeader, String authorization) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.login = login;
        this.authorizationHeader = authorizationHeader;
        this.authorization = authorization;
    }

    /** An external system with an API key, as {@code Authorization: Bearer <key>}. */
    public static ApiClient withApiKey(URL base, String key) {
        return new ApiClient(base, "integration", "Authorization", "Bearer " + key);
    }

    /** An external system with an API key, as {@code X-Api-Key: <key>}. */
    public static ApiClient withApiKeyHeader(URL base, String key) {
        return new ApiClient(base, "integration", "X-Api-Key", key);
    }

    /** The account this client signs in as. */
    public String login() {
        return login;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header(authorizationHeader, authorization)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> getAnonymously(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonStructure getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).read();
    }

    /** GET of a path under {@code api/v1/}. */
    public Reply fetch(String path) {
        return send("GET", path, null);
    }

    /** POST to a path under {@code api/v1/}, with a JSON body or none. */
    public Reply post(String path, JsonObject body) {
        return send("POST", path, body);
    }

    public Reply post(String path) {
        return send("POST", path, null);
    }

    /**
     * A POST as a well-behaved client sends it: answered 409 {@code CONCURRENT_CHANGE} ("changed by
     * someone else at the same time; try again", docs/api.md), it is sent again, a few times.
     */
    public Reply act(String path, JsonObject body) {
        Reply reply = send("POST", path, body);
        for (int attempt = 1; attempt < 5 && reply.status() == 409 && "CONCURRENT_CHANGE".equals(reply.code()); attempt++) {
            reply = send("POST", path, body);
        }
        return reply;
    }

    public Reply act(String path) {
        return act(path, null);
    }

    public Reply put(String path, JsonObject body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * One clean-up step between tests, as an admin: each agent that is not logged out is taken
     * one step there (after-call work confirmed, CTI logout, an offer cancelled, a call hung up;
     * a dialing call ends with the PBX's report). Await it until it says every agent is out.
     *
     * @return whether every agent was logged out already
     */
    public boolean stepEveryAgentTowardsLoggedOut() {
        boolean allOut = true;
        for (JsonValue agent : fetch("agents").expect(200).jsonArray()) {
            allOut &= stepTowardsLoggedOut(agent.asJsonObject());
        }
        return allOut;
    }

    private boolean stepTowardsLoggedOut(JsonObject agent) {
        String id = agent.getString("id");
        Optional<String> callId = Optional.ofNullable(agent.getString("callId", null));
        switch (agent.getString("status")) {
            case "LOGGED_OUT":
                return true;
            case "REST":
            case "READY":
            case "BUSINESS":
                post("agents/" + id + "/cti-logout");
                return false;
            case "AFTER_CALL":
                post("agents/" + id + "/after-call/confirm");
                return false;
            case "ALERTING":
                callId.ifPresent(call -> post("calls/" + call + "/cancel"));
                return false;
            case "TALKING":
            case "HOLDING":
                callId.ifPresent(call -> post("calls/" + call + "/hangup"));
                return false;
            default: // DIALING: ends with the PBX's report that the call is gone
                return false;
        }
    }

    /** An agent as the API shows it. */
    public JsonObject agent(String id) {
        return fetch("agents/" + id).expect(200).json();
    }

    /** A call as the API shows it. */
    public JsonObject call(String id) {
        return fetch("calls/" + id).expect(200).json();
    }

    /**
     * Whatever an agent's status, back to logged out (for a clean next scenario): once the calls
     * are hung up, wait for the PBX's report to reach the agent, finish the call, log out.
     */
    public void logOut(String agentId) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            String status = agent(agentId).getString("status");
            switch (status) {
                case "LOGGED_OUT":
                    return;
                case "AFTER_CALL":
                    post("agents/" + agentId + "/after-call/confirm");
                    break;
                case "REST":
                case "READY":
                case "BUSINESS":
                    post("agents/" + agentId + "/cti-logout");
                    break;
                default:
                    if (Instant.now().isAfter(deadline)) {
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

    private Reply send(String method, String path, JsonObject body) {
        return sendText(method, path, body == null ? null : body.toString());
    }

    /** A request with any text as its JSON body, well-formed or not (null: no body). */
    public Reply sendText(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/" + path))
                .timeout(Duration.ofSeconds(30))
                .header(authorizationHeader, authorization)
                .header("Accept", "application/json, application/problem+json")
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> type = response.headers().firstValue("Content-Type");
            return new Reply(method, path, response.statusCode(), type.orElse(null), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
