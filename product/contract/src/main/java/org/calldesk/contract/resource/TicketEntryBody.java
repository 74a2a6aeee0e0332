package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a ticket's history: who did what, when. Null is absent. */
@Schema(name = "TicketEntry", description = "One entry of a ticket's history")
public record TicketEntryBody(
        @Schema(required = true) String id,
        @Schema(required = true, description = "CREATED, COMMENT, PENDING, RESOLVED or REOPENED") String kind,
        @Schema(required = true) String author,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant at,
        String body) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer().add("id", id).add("kind", kind).add("author", author).add("at", at)
                .add("body", body).build();
    }
}
