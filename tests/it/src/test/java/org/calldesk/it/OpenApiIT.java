package org.calldesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the running application serves ({@code /openapi}), generated from the wire
 * contract's records: a client generator finds a schema for every body, every error as a problem
 * detail, an operation id of its own for every operation, and the API key's security schemes.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class OpenApiIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Deployment(testable = false)
    static WebArchive application() {
        return TestInfrastructure.calldeskWar();
    }

    @ArquillianResource
    URL base;

    private JsonObject document;

    @BeforeEach
    void fetchDocument() throws IOException, InterruptedException {
        HttpResponse<String> reply = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/openapi"))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        // kept beside the test reports, for a client generator or a linter to read
        Files.writeString(Path.of("target", "openapi.json"), reply.body());
        document = Json.createReader(new StringReader(reply.body())).readObject();
    }

    @Test
    @DisplayName("Every resource, request body and problem of the contract is a schema with its properties")
    void theContractsRecordsAreSchemas() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("Call", List.of("id", "pbxCallId", "direction", "status", "customerNumber", "startedAt",
                        "sequence", "agentId", "ticketId", "customer")),
                Map.entry("Customer", List.of("id", "name", "company", "url")),
                Map.entry("Agent", List.of("id", "name", "agentNumber", "device", "role", "serviceIds", "status",
                        "statusSince", "secondsInStatus", "businessReason", "callId")),
                Map.entry("StatusChange", List.of("agentId", "status", "previousStatus", "previousDurationMillis")),
                Map.entry("Service", List.of("id", "name", "announcement", "offerTimeoutSeconds", "callEnabled",
                        "dialledNumbers", "sendingNumbers")),
                Map.entry("Ticket", List.of("id", "serviceId", "customerNumber", "status", "entries", "assigneeId")),
                Map.entry("TicketEntry", List.of("id", "kind", "author", "at", "body")),
                Map.entry("IntegrationKey", List.of("id", "name", "keyPrefix", "active", "key")),
                Map.entry("AuditEntry", List.of("id", "at", "principal", "channel", "outcome")),
                Map.entry("Problem", List.of("type", "title", "status", "code", "detail")),
                Map.entry("AgentRegistration", List.of("loginId", "name", "agentNumber", "device", "role")),
                Map.entry("StatusChoice", List.of("status", "businessReason")),
                Map.entry("Dial", List.of("agentId", "serviceId", "customerNumber", "sendingNumber")),
                Map.entry("Transfer", List.of("target")),
                Map.entry("ServiceDefinition", List.of("id", "name", "announcement", "offerTimeoutSeconds")),
                Map.entry("SendingNumber", List.of("number")),
                Map.entry("NewTicket", List.of("serviceId", "customerNumber", "assigneeId", "text")),
                Map.entry("Comment", List.of("text")),
                Map.entry("NewIntegrationKey", List.of("name")));
        expected.forEach((name, properties) -> {
            assertThat(schemas.keySet()).as("schemas").contains(name);
            assertThat(schemas.getJsonObject(name).getJsonObject("properties")).as(name + ": " + schemas.get(name))
                    .isNotNull().containsKeys(properties.toArray(String[]::new));
        });
        assertThat(schemas.getJsonObject("Call").getJsonObject("properties").getJsonObject("startedAt")
                .getString("type")).isEqualTo("string");
    }

    @Test
    @DisplayName("Every operation has an id of its own, typed bodies and problem details for its errors")
    void everyOperationIsTyped() {
        List<String> operationIds = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonValue> method : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                JsonObject operation = method.getValue().asJsonObject();
                operations++;
                operationIds.add(operation.getString("operationId", name + " has none"));
                if (operation.containsKey("requestBody")) {
                    assertThat(schemaOf(operation.getJsonObject("requestBody"), "application/json"))
                            .as(name + " request body").containsKey("$ref");
                }
                JsonObject responses = operation.getJsonObject("responses");
                String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " has no success answer: " + responses));
                JsonObject schema = schemaOf(responses.getJsonObject(success), "application/json");
                assertThat(schema.containsKey("$ref") || schema.containsKey("items"))
                        .as(name + " " + success + " answer: " + schema).isTrue();
                assertThat(schemaOf(responses.getJsonObject("400"), "application/problem+json").getString("$ref"))
                        .as(name + " 400").endsWith("/Problem");
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(new HashSet<>(operationIds)).as("operation ids " + operationIds).hasSameSizeAs(operationIds);
    }

    @Test
    @DisplayName("The API key is a declared security scheme, beside the accounts' Basic sign-in")
    void theApiKeyIsASecurityScheme() {
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.keySet()).contains("basic", "apiKey", "bearer");
        assertThat(schemes.getJsonObject("apiKey").getString("in")).isEqualTo("header");
        assertThat(schemes.getJsonObject("apiKey").getString("name")).isEqualTo("X-Api-Key");
    }

    private static JsonObject schemaOf(JsonObject withContent, String mediaType) {
        assertThat(withContent).as("no answer").isNotNull();
        JsonObject content = withContent.getJsonObject("content");
        assertThat(content).as("content of " + withContent).isNotNull().containsKey(mediaType);
        return content.getJsonObject(mediaType).getJsonObject("schema");
    }
}
