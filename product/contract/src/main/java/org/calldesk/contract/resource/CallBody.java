package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call, inbound or outbound, as REST answers it and as a {@code call.*} event carries it. Null is absent. */
@Schema(name = "Call", description = "A call; absent fields are left out")
public record CallBody(
        @Schema(required = true) String id,
        @Schema(required = true, description = "the PBX's id of the call (its Linkedid)") String pbxCallId,
        @Schema(required = true, description = "INBOUND or OUTBOUND") String direction,
        @Schema(required = true, description = "WAITING, OFFERED, CONNECTING, DIALING, TALKING, HOLDING, "
                + "CONSULTING or ENDED") String status,
        @Schema(required = true) String customerNumber,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant startedAt,
        @Schema(required = true, description = "grows with every change of this call") long sequence,
        String serviceNumber,
        String serviceId,
        String agentId,
        String consultAgentId,
        String sendingNumber,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant offeredAt,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant offerExpiresAt,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant connectedAt,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant endedAt,
        String endCause,
        String disconnectedBy,
        String ticketId,
        CustomerCard customer) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("id", id)
                .add("pbxCallId", pbxCallId)
                .add("direction", direction)
                .add("status", status)
                .add("customerNumber", customerNumber)
                .add("startedAt", startedAt)
                .add("sequence", sequence)
                .add("serviceNumber", serviceNumber)
                .add("serviceId", serviceId)
                .add("agentId", agentId)
                .add("consultAgentId", consultAgentId)
                .add("sendingNumber", sendingNumber)
                .add("offeredAt", offeredAt)
                .add("offerExpiresAt", offerExpiresAt)
                .add("connectedAt", connectedAt)
                .add("endedAt", endedAt)
                .add("endCause", endCause)
                .add("disconnectedBy", disconnectedBy)
                .add("ticketId", ticketId)
                .add("customer", customer)
                .build();
    }
}
