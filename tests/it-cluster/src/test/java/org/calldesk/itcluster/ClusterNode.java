package org.calldesk.itcluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.calldesk.launcher.PayaraMicroProcess;
import org.calldesk.launcher.PayaraSupervisor;

/**
 * One application node: Payara Micro in a process of its own, started as the launcher starts it
 * (the Artemis adapter, the PBX adapter, the WAR), and its REST API as the administrator.
 */
final class ClusterNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    final String name;
    final int port;
    /** Payara Micro, started again by the launcher's supervisor when it dies (only if {@link #startSupervised}). */
    private final PayaraSupervisor supervisor;

    private ClusterNode(String name, int port, PayaraSupervisor supervisor) {
        this.name = name;
        this.port = port;
        this.supervisor = supervisor;
    }

    static ClusterNode start(String name, Path runtime, Path workDir, int port, int brokerPort,
                             Map<String, String> settings) throws Exception {
        return startSupervised(name, runtime, workDir, port, brokerPort, settings, 0);
    }

    /**
     * A node as the launcher runs it: when its Payara Micro dies, it is started again (up to
     * {@code restarts} times), on the same port and folder.
     */
    static ClusterNode startSupervised(String name, Path runtime, Path workDir, int port, int brokerPort,
                                       Map<String, String> settings, int restarts) throws Exception {
        PayaraSupervisor supervisor = new PayaraSupervisor(() -> PayaraMicroProcess.start(runtime, workDir, port, "512m",
                "127.0.0.1", brokerPort, settings), PayaraSupervisor.Policy.of(restarts),
                message -> System.out.println(name + ": " + message), child -> { });
        supervisor.start();
        if (restarts > 0) {
            Thread watch = new Thread(() -> {
                try {
                    supervisor.supervise();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name + " supervisor");
            watch.setDaemon(true);
            watch.start();
        }
        return new ClusterNode(name, port, supervisor);
    }

    boolean isAlive() {
        return supervisor.current().isAlive();
    }

    /** The operating-system id of the Payara Micro process running now. */
    long pid() {
        return supervisor.current().pid();
    }

    /** How often the supervisor started Payara again. */
    int restarts() {
        return supervisor.restarts();
    }

    /** Up: the API answers and its health is UP (database, broker, PBX). */
    boolean ready() {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && get("/services").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The application's own health answer, {@code /calldesk/health}, asked without credentials as a monitor asks it. */
    HttpResponse<String> health() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/calldesk/health"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The way a crash ends a node: no shutdown, no goodbye to the broker, the database or the PBX. */
    void kill() throws Exception {
        ProcessHandle payara = ProcessHandle.of(pid())
                .orElseThrow(() -> new IllegalStateException(name + ": its Payara Micro process has already ended"));
        payara.destroyForcibly();
        payara.onExit().get(30, TimeUnit.SECONDS);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api(path)).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The request must succeed (2xx); its JSON answer. */
    JsonObject ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(name + ": " + response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + "/calldesk/api/v1" + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", ADMIN).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        return name + " (:" + port + ")";
    }

    @Override
    public void close() throws Exception {
        supervisor.close();
    }
}
