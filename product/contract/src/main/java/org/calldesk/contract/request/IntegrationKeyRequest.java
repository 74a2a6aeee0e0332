package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API key, named for the system that will use it. */
@Schema(name = "NewIntegrationKey", description = "A new API key")
public record IntegrationKeyRequest(@Schema(required = true) String name) {

    public static IntegrationKeyRequest from(JsonObject body) {
        return new IntegrationKeyRequest(Fields.of(body).text("name"));
    }
}
