package org.calldesk.contract.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.Set;
import org.calldesk.contract.json.InvalidBody;
import org.calldesk.contract.json.WireJson;
import org.junit.jupiter.api.Test;

/** The request bodies of docs/api.md read into their records, and the 400 detail of one that is wrong. */
class RequestBodiesTest {

    private static JsonObject json(String text) {
        return WireJson.parseObject(text);
    }

    @Test
    void aDialRequestIsReadWithItsOptionalAgent() {
        assertThat(DialRequest.from(json("{\"serviceId\":\"support\",\"customerNumber\":\"0101\","
                + "\"sendingNumber\":\"0215880001\"}")))
                .isEqualTo(new DialRequest(null, "support", "0101", "0215880001"));
        assertThat(DialRequest.from(json("{\"agentId\":\"agent1\",\"serviceId\":\"s\",\"customerNumber\":\"1\","
                + "\"sendingNumber\":\"2\"}")).agentId()).isEqualTo("agent1");
    }

    @Test
    void anAgentRegistrationNeedsItsLoginIdOnlyWhenNew() {
        String fields = "\"name\":\"Alice\",\"agentNumber\":\"1001\",\"device\":\"PJSIP/1001\",\"role\":\"agent\","
                + "\"serviceIds\":[\"support\",\"sales\",\"support\"]";

        assertThat(AgentRegistrationRequest.newAgent(json("{\"loginId\":\"alice\"," + fields + "}")))
                .isEqualTo(new AgentRegistrationRequest("alice", "Alice", "1001", "PJSIP/1001", "agent",
                        Set.of("support", "sales")));
        assertThat(AgentRegistrationRequest.change(json("{" + fields + "}")).loginId()).isNull();
        assertThatThrownBy(() -> AgentRegistrationRequest.newAgent(json("{" + fields + "}")))
                .isInstanceOf(InvalidBody.class).hasMessage("'loginId' is required");
    }

    @Test
    void aServiceDefinitionLeavesTheDefaultsToTheApplication() {
        ServiceRequest request = ServiceRequest.newService(json("{\"id\":\"s\",\"name\":\"S\",\"announcement\":\"a\"}"));

        assertThat(request).isEqualTo(new ServiceRequest("s", "S", "a", null, null, Set.of(), Set.of()));
        assertThat(ServiceRequest.change(json("{\"name\":\"S\",\"announcement\":\"a\",\"offerTimeoutSeconds\":20,"
                + "\"callEnabled\":false,\"dialledNumbers\":[\"1\"],\"sendingNumbers\":[\"2\"]}")))
                .isEqualTo(new ServiceRequest(null, "S", "a", 20L, false, Set.of("1"), Set.of("2")));
    }

    @Test
    void theOtherBodiesAreReadFieldForField() {
        assertThat(StatusRequest.from(json("{\"status\":\"BUSINESS\",\"businessReason\":\"MEETING\"}")))
                .isEqualTo(new StatusRequest("BUSINESS", "MEETING"));
        assertThat(TransferRequest.from(json("{\"target\":\"1002\"}")).target()).isEqualTo("1002");
        assertThat(SendingNumberRequest.from(json("{\"number\":\"02\"}")).number()).isEqualTo("02");
        assertThat(NewTicketRequest.from(json("{\"serviceId\":\"s\",\"customerNumber\":\"1\",\"text\":\"hi\"}")))
                .isEqualTo(new NewTicketRequest("s", "1", null, "hi"));
        assertThat(CommentRequest.from(json("{\"text\":\"hi\"}")).text()).isEqualTo("hi");
        assertThat(IntegrationKeyRequest.from(json("{\"name\":\"crm\"}")).name()).isEqualTo("crm");
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThatThrownBy(() -> CommentRequest.from(null))
                .isInstanceOf(InvalidBody.class).hasMessage("a JSON object body is required");
    }

    @Test
    void aMissingBlankOrMistypedFieldIsRefusedByName() {
        assertThatThrownBy(() -> CommentRequest.from(json("{}"))).hasMessage("'text' is required");
        assertThatThrownBy(() -> CommentRequest.from(json("{\"text\":\"  \"}"))).hasMessage("'text' is required");
        assertThatThrownBy(() -> CommentRequest.from(json("{\"text\":null}"))).hasMessage("'text' is required");
        assertThatThrownBy(() -> CommentRequest.from(json("{\"text\":42}"))).hasMessage("'text' must be a string");
        assertThatThrownBy(() -> ServiceRequest.change(json("{\"name\":\"S\",\"announcement\":\"a\","
                + "\"offerTimeoutSeconds\":1.5}"))).hasMessage("'offerTimeoutSeconds' must be a whole number");
        assertThatThrownBy(() -> ServiceRequest.change(json("{\"name\":\"S\",\"announcement\":\"a\","
                + "\"callEnabled\":\"yes\"}"))).hasMessage("'callEnabled' must be true or false");
        assertThatThrownBy(() -> ServiceRequest.change(json("{\"name\":\"S\",\"announcement\":\"a\","
                + "\"dialledNumbers\":[1]}"))).hasMessage("'dialledNumbers' must be an array of strings");
        assertThatThrownBy(() -> ServiceRequest.change(json("{\"name\":\"S\",\"announcement\":\"a\","
                + "\"sendingNumbers\":\"02\"}"))).hasMessage("'sendingNumbers' must be an array of strings");
    }
}
