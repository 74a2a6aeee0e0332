package org.calldesk.it;

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
import java.util.Base64;
import java.util.Optional;

/** The REST API as a client sees it, signed in as one account. */
final class ApiClient {

    /** One answer of the API: its status, content type and body, read as JSON on demand. */
    record Reply(String method, String path, int status, String contentType, String body, String challenge) {

        JsonObject json() {
            return read().asJsonObject();
        }

        JsonArray jsonArray() {
            return read().asJsonArray();
        }

        /** The problem detail's {@code code}, or null if the body is not a problem detail. */
        String code() {
            return isProblem() ? json().getString("code", null) : null;
        }

        boolean isProblem() {
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
        Reply expect(int expected) {
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

    ApiClient(URL base, String login, String password) {
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
    static ApiClient withApiKey(URL base, String key) {
        return new ApiClient(base, "integration", "Authorization", "Bearer " + key);
    }

    /** An external system with an API key, as {@code X-Api-Key: <key>}. */
    static ApiClient withApiKeyHeader(URL base, String key) {
        return new ApiClient(base, "integration", "X-Api-Key", key);
    }

    /** The account this client signs in as. */
    String login() {
        return login;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header(authorizationHeader, authorization)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getAnonymously(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonStructure getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).read();
    }

    /** GET of a path under {@code api/v1/}. */
    Reply fetch(String path) {
        return send("GET", path, null);
    }

    /** POST to a path under {@code api/v1/}, with a JSON body or none. */
    Reply post(String path, JsonObject body) {
        return send("POST", path, body);
    }

    Reply post(String path) {
        return send("POST", path, null);
    }

    /**
     * A POST as a well-behaved client sends it: answered 409 {@code CONCURRENT_CHANGE} ("changed by
     * someone else at the same time; try again", docs/api.md), it is sent again, a few times.
     */
    Reply act(String path, JsonObject body) {
        Reply reply = send("POST", path, body);
        for (int attempt = 1; attempt < 5 && reply.status() == 409 && "CONCURRENT_CHANGE".equals(reply.code()); attempt++) {
            reply = send("POST", path, body);
        }
        return reply;
    }

    Reply act(String path) {
        return act(path, null);
    }

    Reply put(String path, JsonObject body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * One clean-up step between tests, as an admin: each agent that is not logged out is taken
     * one step there (after-call work confirmed, CTI logout, an offer cancelled, a call hung up;
     * a dialing call ends with the PBX's report). Await it until it says every agent is out.
     *
     * @return whether every agent was logged out already
     */
    boolean stepEveryAgentTowardsLoggedOut() {
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

    private Reply send(String method, String path, JsonObject body) {
        return sendText(method, path, body == null ? null : body.toString());
    }

    /** A request with any text as its JSON body, well-formed or not (null: no body). */
    Reply sendText(String method, String path, String body) {
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
