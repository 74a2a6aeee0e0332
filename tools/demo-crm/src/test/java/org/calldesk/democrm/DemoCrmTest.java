package org.calldesk.democrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoCrmTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private DemoCrm crm;

    @BeforeEach
    void start() throws Exception {
        crm = DemoCrm.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    @Test
    void findsADemoCustomerByPhoneNumber() throws Exception {
        HttpResponse<String> response = get("customers?phone=01012345678");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"C-1001\"", "\"name\":\"Kim Minji\"");
        assertThat(get("customers?phone=0000").body()).isEqualTo("[]");
    }

    @Test
    void keepsEachIdempotencyKeyOnce() throws Exception {
        assertThat(post("ticket:t1:1", "{\"n\":1}").statusCode()).isEqualTo(201);
        assertThat(post("ticket:t1:1", "{\"n\":1}").statusCode()).isEqualTo(200);
        assertThat(post("ticket:t1:2", "{\"n\":2}").statusCode()).isEqualTo(201);

        assertThat(crm.ticketEvents()).extracting(DemoCrm.TicketEvent::idempotencyKey)
                .containsExactly("ticket:t1:1", "ticket:t1:2");
    }

    @Test
    void aDownCrmAnswers503() throws Exception {
        crm.mode(DemoCrm.Mode.DOWN);

        assertThat(post("ticket:t1:1", "{}").statusCode()).isEqualTo(503);
        assertThat(crm.ticketEvents()).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(crm.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(crm.url() + "ticket-events"))
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
