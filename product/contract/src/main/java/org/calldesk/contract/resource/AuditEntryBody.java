package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One call of an external system (REST or the command queue) in the audit trail. Null is absent. */
@Schema(name = "AuditEntry", description = "One integration call in the audit trail")
public record AuditEntryBody(
        @Schema(required = true) String id,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant at,
        @Schema(required = true) String principal,
        @Schema(required = true, description = "REST or JMS") String channel,
        @Schema(required = true) String action,
        @Schema(required = true) String target,
        @Schema(required = true, description = "the HTTP status of the answer") int outcome,
        String keyId,
        String keyName,
        String remote) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("id", id)
                .add("at", at)
                .add("principal", principal)
                .add("channel", channel)
                .add("action", action)
                .add("target", target)
                .add("outcome", outcome)
                .add("keyId", keyId)
                .add("keyName", keyName)
                .add("remote", remote)
                .build();
    }
}
