package org.calldesk.interfaces.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Ring a service" for demos and trials: asks the PBX simulator's control API to have a customer
 * call one of a service's numbers. Only when {@code calldesk.simulator.url} names the simulator
 * (the embedded run); against a real PBX there is nothing to ring and the button is not shown.
 */
@Named("simulator")
@ApplicationScoped
public class SimulatorRinger {

    public static final String URL_KEY = "calldesk.simulator.url";

    @Inject
    @ConfigProperty(name = URL_KEY)
    Optional<String> url;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public boolean isAvailable() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    /**
     * @return the simulator's id of the new call
     * @throws IllegalStateException with the reason in words when the simulator refused or is not there
     */
    public String ring(String from, String to) {
        String base = url.filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                "no PBX simulator is configured (" + URL_KEY + ")"));
        String body = Json.createObjectBuilder().add("from", from).add("to", to).build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/calls"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("the PBX simulator answered " + response.statusCode() + ": "
                        + response.body());
            }
            return Json.createReader(new java.io.StringReader(response.body())).readObject().getString("id", "");
        } catch (IOException e) {
            throw new IllegalStateException("the PBX simulator at " + base + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ringing", e);
        }
    }
}
