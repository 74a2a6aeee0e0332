package org.calldesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.calldesk.testsupport.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a careless or hostile client sends, against the real server: every answer is a problem
 * detail (never the server's HTML page, never a 500) and nothing is changed.
 */
@ExtendWith({TestInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class BadInputIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return TestInfrastructure.calldeskWar();
    }

    @ArquillianResource
    URL base;

    private ApiClient admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void signIn() {
        admin = new ApiClient(base, "admin", "admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "42", "true", "{\"status\":", "{} {}", "<xml/>"})
    @DisplayName("A JSON body that is not one object is a 400 problem detail on every JSON endpoint")
    void aBodyThatIsNotOneObjectIsBadInput(String body) {
        String before = admin.fetch("services").expect(200).body();
        for (String[] endpoint : List.of(new String[] {"PUT", "agents/agent1/status"},
                new String[] {"POST", "tickets"}, new String[] {"POST", "calls"},
                new String[] {"POST", "services"}, new String[] {"PUT", "services/support"},
                new String[] {"POST", "integration/keys"})) {
            ApiClient.Reply reply = admin.sendText(endpoint[0], endpoint[1], body);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.isProblem()).as(reply.toString()).isTrue();
            assertThat(reply.code()).isEqualTo("BAD_INPUT");
        }
        assertThat(admin.fetch("services").expect(200).body()).isEqualTo(before);
    }

    @Test
    @DisplayName("A body nested deeper than any of ours is refused before it is parsed")
    void deepNestingIsBadInput() {
        String deep = "{\"text\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
        ApiClient.Reply reply = admin.sendText("POST", "tickets", deep);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("BAD_INPUT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "0101' or '1'='1", "12345678901234567890123456789012345678901234567890123456789012345"})
    @DisplayName("A ticket's customer number is checked as Dial up checks it")
    void aTicketsCustomerNumberIsChecked(String number) {
        int before = admin.fetch("tickets?limit=500").expect(200).jsonArray().size();
        ApiClient.Reply reply = admin.post("tickets", Json.createObjectBuilder().add("serviceId", "support")
                .add("customerNumber", number).build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("BAD_CUSTOMER_NUMBER");
        assertThat(admin.fetch("tickets?limit=500").expect(200).jsonArray().size()).isEqualTo(before);
    }

    @Test
    @DisplayName("Every 401 is a problem detail with the challenge of its scheme")
    void unauthorisedIsAProblemDetail() throws Exception {
        ApiClient.Reply wrong = new ApiClient(base, "admin", "not-the-password").fetch("calls");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.isProblem()).as(wrong.toString()).isTrue();
        assertThat(wrong.code()).isEqualTo("NOT_SIGNED_IN");
        assertThat(wrong.challenge()).startsWith("Basic realm=");

        ApiClient.Reply badKey = ApiClient.withApiKey(base, "cdk_not-a-key").fetch("calls");
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.code()).isEqualTo("NOT_SIGNED_IN");
        assertThat(badKey.challenge()).startsWith("Bearer realm=");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(url("api/v1/calls")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(Json.createReader(new java.io.StringReader(anonymous.body())).readObject().getString("code"))
                .isEqualTo("NOT_SIGNED_IN");
        assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).as("a 401 too").contains("nosniff");
    }

    @Test
    @DisplayName("Console pages carry a content security policy, nosniff, and a SameSite session cookie")
    void consolePagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(url("login.xhtml")).GET());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'", "form-action 'self'"));
        Optional<String> cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID=")).findFirst();
        assertThat(cookie).hasValueSatisfying(value -> assertThat(value).containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("HttpOnly"));

        HttpResponse<String> api = send(HttpRequest.newBuilder(url("api/v1/services"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .GET());
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    @DisplayName("A form posted with a forged view token is a 400 that does nothing, not a server error")
    void aForgedViewTokenIsTheClientsError() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(url("login.xhtml")).GET());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
                .map(v -> v.substring(0, v.indexOf(';'))).findFirst().orElseThrow();
        String form = "signin=signin&signin%3Ausername=admin&signin%3Apassword=admin"
                + "&jakarta.faces.ViewState=-4242424242424242424%3A1234567890123456789";
        HttpResponse<String> forged = send(HttpRequest.newBuilder(url("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("out of date");
        assertThat(forged.headers().allValues("Set-Cookie")).as("not signed in").isEmpty();
    }

    private URI url(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
