package org.calldesk.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import org.calldesk.it.servers.CallDeskClient;
import org.calldesk.it.servers.PbxSimulatorExtension;
import org.calldesk.it.servers.ServerSmokeScenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR built for full Jakarta EE servers, unchanged, on WildFly standalone-full: its embedded
 * PBX adapter talks AMI to the simulator, its message-driven beans run on WildFly's built-in
 * Artemis, its calls are kept in WildFly's default data source (H2, schema by Flyway), and its
 * REST API signs callers in against the database with Jakarta Security. Everything WildFly
 * needs beyond the EAR's own descriptors is in {@code configure-wildfly.cli}; the settings of
 * this run (which PBX, demo accounts) are {@link ApplicationSettings}. Beside its own tests, it
 * passes the smoke scenario of every server ({@link ServerSmokeScenario}: REST, the console in
 * Chromium).
 */
@ExtendWith({FreeWildFlyPorts.class, PbxSimulatorExtension.class, ArquillianExtension.class, ServerLogOnFailure.class})
@ServerSetup(ApplicationSettings.class)
@RunAsClient
class CallDeskOnWildFlyIT extends ServerSmokeScenario {

    /** The deployment's name is the EAR's, which jboss-ejb3.xml names the PBX adapter after. */
    @Deployment(testable = false)
    static EnterpriseArchive application() {
        File ear = new File(System.getProperty("it.runtime", "target/runtime"), "calldesk.ear");
        return ShrinkWrap.create(ZipImporter.class, "calldesk.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theApiRefusesAnonymousCallersAndWrongPasswords() throws Exception {
        HttpResponse<String> anonymous = CallDeskClient.anonymous(base.toURI()).get("api/v1/calls");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic").contains("CallDesk"));

        assertThat(CallDeskClient.signedIn(base.toURI(), "admin", "wrong").get("api/v1/calls").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aDemoAccountSignsInAgainstTheApplicationDatabase() throws Exception {
        assertThat(CallDeskClient.signedIn(base.toURI(), "agent1", "agent1").getJson("api/v1/calls"))
                .isInstanceOf(JsonArray.class);
    }

    @Test
    void anIntegrationSignsInWithItsApiKeyForWhatIntegrationsNeedUntilRevoked() throws Exception {
        CallDeskClient admin = CallDeskClient.signedIn(base.toURI(), "admin", "admin");
        HttpResponse<String> created = admin.send("POST", "api/v1/integration/keys", "{\"name\":\"wildfly-crm\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject key = Json.createReader(new StringReader(created.body())).readObject();

        CallDeskClient crm = CallDeskClient.withApiKey(base.toURI(), key.getString("key"));
        assertThat(crm.getJson("api/v1/calls")).isInstanceOf(JsonArray.class);
        HttpResponse<String> manage = crm.send("POST", "api/v1/agents", "{\"loginId\":\"agent9\",\"name\":\"Nine\","
                + "\"agentNumber\":\"1099\",\"device\":\"PJSIP/1099\",\"role\":\"AGENT\"}");
        assertThat(manage.statusCode()).as(manage.body()).isEqualTo(403);
        assertThat(manage.body()).contains("INTEGRATION_NOT_ALLOWED");

        assertThat(admin.send("DELETE", "api/v1/integration/keys/" + key.getString("id"), null).statusCode()).isEqualTo(200);
        assertThat(crm.get("api/v1/calls").statusCode()).isEqualTo(401);
        assertThat(admin.getJson("api/v1/integration/audit?keyId=" + key.getString("id")).asJsonArray())
                .extracting(entry -> entry.asJsonObject().getInt("outcome")).containsExactly(401, 403, 200);
    }

    @Override
    protected URL base() {
        return base;
    }

    @Override
    protected String server() {
        return "wildfly";
    }
}
