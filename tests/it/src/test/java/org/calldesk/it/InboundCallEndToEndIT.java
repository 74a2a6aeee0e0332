package org.calldesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.calldesk.testsupport.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first call event end to end, on Payara Micro with the real adapters: the PBX simulator
 * raises an inbound call over AMI; asterisk-java inside the PBX adapter reads it; the adapter
 * delivers a typed event to the MDB through the WorkManager; it goes through the durable Artemis
 * queue to the consumer, which records the call with JPA and publishes the change on the events
 * topic; the REST API lists the call. And the application's own {@code /calldesk/health} says
 * the PBX, database and broker are UP, asked without credentials.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class InboundCallEndToEndIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return TestInfrastructure.calldeskWar();
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void thePbxAndTheApplicationAgree() {
        TestInfrastructure.assertPbxAndApplicationAgree(base);
    }

    @Test
    void theApplicationsOwnHealthAnswerIsUpWithoutCredentials() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceFirst("/?$", "/health"))).timeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> response = await("GET /calldesk/health answers 200").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()), answer -> answer.statusCode() == 200);
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonArray("checks")).as(response.body())
                .extracting(check -> check.asJsonObject().getString("name") + " " + check.asJsonObject().getString("status"))
                .containsExactly("pbx UP", "database UP", "broker UP");
    }

    @Test
    void inboundCallFromThePbxIsRecordedPublishedAndListed() throws Exception {
        List<JsonObject> published = new CopyOnWriteArrayList<>();
        try (JMSContext jms = new ActiveMQConnectionFactory(TestInfrastructure.brokerUrl()).createContext()) {
            Topic topic = jms.createTopic("ContactCenterEventTopic");
            JMSConsumer consumer = jms.createConsumer(topic);
            consumer.setMessageListener((Message message) -> published.add(readJson(message)));

            ApiClient api = new ApiClient(base, "admin", "admin");
            String caller = "0101" + (System.nanoTime() % 10_000_000);
            TestInfrastructure.pbx().inboundCall(caller, "15880001");

            JsonObject call = await("the call listed by GET /api/v1/calls").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> findCall(api, caller), Optional::isPresent).orElseThrow();
            assertThat(call.getString("direction")).isEqualTo("INBOUND");
            assertThat(call.getString("status")).isEqualTo("WAITING");
            assertThat(call.getString("serviceNumber")).isEqualTo("15880001");

            JsonObject event = await("the call published on the events topic").atMost(Duration.ofSeconds(10))
                    .until(() -> published.stream()
                            .filter(e -> e.getJsonObject("data").getString("customerNumber").equals(caller))
                            .findFirst(), Optional::isPresent).orElseThrow();
            assertThat(event.getString("type")).isEqualTo("call.waiting");
            assertThat(event.getJsonObject("subject").getString("id")).isEqualTo(call.getString("id"));
            assertThat(event.getJsonNumber("sequence").longValue()).isEqualTo(1);
        }
    }

    @Test
    void theApiRefusesAnonymousCallers() throws Exception {
        assertThat(new ApiClient(base, "admin", "admin").getAnonymously("api/v1/calls").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(base, "admin", "wrong").get("api/v1/calls").statusCode()).isEqualTo(401);
    }

    private static Optional<JsonObject> findCall(ApiClient api, String caller) throws Exception {
        JsonArray calls = api.getJson("api/v1/calls").asJsonArray();
        return calls.stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("customerNumber").equals(caller))
                .findFirst();
    }

    private static JsonObject readJson(Message message) {
        try {
            return Json.createReader(new StringReader(message.getBody(String.class))).readObject();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
