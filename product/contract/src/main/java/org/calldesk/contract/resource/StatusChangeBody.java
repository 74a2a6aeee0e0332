package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of an agent's status, with the time spent in the status before. Null is absent. */
@Schema(name = "StatusChange", description = "One change of an agent's status")
public record StatusChangeBody(
        @Schema(required = true) String id,
        @Schema(required = true) String agentId,
        @Schema(required = true) String status,
        @Schema(required = true) String previousStatus,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant previousSince,
        @Schema(required = true) long previousDurationMillis,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant changedAt,
        String businessReason,
        String previousBusinessReason,
        String callId) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("id", id)
                .add("agentId", agentId)
                .add("status", status)
                .add("previousStatus", previousStatus)
                .add("previousSince", previousSince)
                .add("previousDurationMillis", previousDurationMillis)
                .add("changedAt", changedAt)
                .add("businessReason", businessReason)
                .add("previousBusinessReason", previousBusinessReason)
                .add("callId", callId)
                .build();
    }
}
