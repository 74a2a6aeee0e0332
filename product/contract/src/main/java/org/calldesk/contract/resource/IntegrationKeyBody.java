package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API key of an external system. {@code key} is the key itself, only in the answer to its creation;
 * afterwards only its first characters ({@code keyPrefix}). Null is absent.
 */
@Schema(name = "IntegrationKey", description = "An API key; 'key' only in the answer to its creation")
public record IntegrationKeyBody(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) String keyPrefix,
        @Schema(required = true, description = "the principal the key signs in as") String principal,
        @Schema(required = true) boolean active,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant createdAt,
        @Schema(required = true) String createdBy,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant revokedAt,
        String revokedBy,
        @Schema(description = "the key, shown this once (answer to POST /integration/keys)") String key)
        implements JsonBody {

    /** This key with the secret that is shown once. */
    public IntegrationKeyBody withKey(String secret) {
        return new IntegrationKeyBody(id, name, keyPrefix, principal, active, createdAt, createdBy, revokedAt,
                revokedBy, secret);
    }

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("id", id)
                .add("name", name)
                .add("keyPrefix", keyPrefix)
                .add("principal", principal)
                .add("active", active)
                .add("createdAt", createdAt)
                .add("createdBy", createdBy)
                .add("revokedAt", revokedAt)
                .add("revokedBy", revokedBy)
                .add("key", key)
                .build();
    }
}
