package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.util.Set;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service: its numbers, its announcement, its offer timeout. */
@Schema(name = "Service", description = "A service, the numbers that reach it and its sending numbers")
public record ServiceBody(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true, description = "what an abusive caller hears before Disconnect ends the call")
        String announcement,
        @Schema(required = true) long offerTimeoutSeconds,
        @Schema(required = true) boolean callEnabled,
        @Schema(required = true) Set<String> dialledNumbers,
        @Schema(required = true) Set<String> sendingNumbers) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("id", id)
                .add("name", name)
                .add("announcement", announcement)
                .add("offerTimeoutSeconds", offerTimeoutSeconds)
                .add("callEnabled", callEnabled)
                .add("dialledNumbers", dialledNumbers)
                .add("sendingNumbers", sendingNumbers)
                .build();
    }
}
