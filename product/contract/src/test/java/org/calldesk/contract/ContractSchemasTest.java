package org.calldesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calldesk.contract.resource.CallBody;
import org.calldesk.contract.resource.CustomerCard;
import org.calldesk.contract.schema.ContractSchemas;
import org.junit.jupiter.api.Test;

/** The OpenAPI schemas derived from the records say what the records write. */
class ContractSchemasTest {

    private final Map<String, JsonObject> schemas = ContractSchemas.all();

    @Test
    void everyRecordHasASchemaOfItsOwnName() {
        assertThat(schemas.keySet()).hasSize(ContractSchemas.RECORDS.size()).contains("Call", "Customer", "Agent",
                "StatusChange", "Service", "Ticket", "TicketEntry", "IntegrationKey", "AuditEntry", "Event",
                "EventSubject", "Problem", "AgentRegistration", "StatusChoice", "Dial", "Transfer",
                "ServiceDefinition", "SendingNumber", "NewTicket", "Comment", "NewIntegrationKey");
    }

    @Test
    void aFullyWrittenCallHasExactlyThePropertiesOfItsSchema() {
        CallBody call = new CallBody("c1", "p1", "INBOUND", "ENDED", "0101", Instant.EPOCH, 1, "1588", "s", "a",
                "b", "02", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "BUSY", "a", "t",
                new CustomerCard("cu", "Kim", "Acme", "https://crm"));

        assertThat(List.copyOf(schemas.get("Call").getJsonObject("properties").keySet()))
                .isEqualTo(List.copyOf(call.toJson().keySet()));
        assertThat(Set.copyOf(schemas.get("Customer").getJsonObject("properties").keySet()))
                .isEqualTo(call.customer().toJson().keySet());
    }

    @Test
    void typesRequiredFieldsAndReferencesAreThoseOfTheRecords() {
        JsonObject call = schemas.get("Call");
        JsonObject properties = call.getJsonObject("properties");

        assertThat(properties.getJsonObject("startedAt").toString())
                .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
        assertThat(properties.getJsonObject("sequence").getString("type")).isEqualTo("integer");
        assertThat(properties.getJsonObject("customer").getString("$ref")).isEqualTo("#/components/schemas/Customer");
        assertThat(call.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("id", "pbxCallId", "direction", "status", "customerNumber", "startedAt", "sequence");
        assertThat(schemas.get("Ticket").getJsonObject("properties").getJsonObject("entries").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/TicketEntry\"}}");
        assertThat(schemas.get("Service").getJsonObject("properties").getJsonObject("dialledNumbers").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
        assertThat(schemas.get("ServiceDefinition").getJsonObject("properties").getJsonObject("callEnabled")
                .getString("type")).isEqualTo("boolean");
    }
}
