package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket with its history, as REST answers it, a {@code ticket.*} event carries it and the CRM push sends it. */
@Schema(name = "Ticket", description = "A ticket with its history; absent fields are left out")
public record TicketBody(
        @Schema(required = true) String id,
        @Schema(required = true) String serviceId,
        @Schema(required = true) String customerNumber,
        @Schema(required = true, description = "OPEN, PENDING or RESOLVED") String status,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant createdAt,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant updatedAt,
        @Schema(required = true, description = "grows with every change of this ticket") long sequence,
        @Schema(required = true) List<TicketEntryBody> entries,
        String callId,
        String assigneeId,
        CustomerCard customer) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("id", id)
                .add("serviceId", serviceId)
                .add("customerNumber", customerNumber)
                .add("status", status)
                .add("createdAt", createdAt)
                .add("updatedAt", updatedAt)
                .add("sequence", sequence)
                .add("entries", WireJson.array(entries, TicketEntryBody::toJson))
                .add("callId", callId)
                .add("assigneeId", assigneeId)
                .add("customer", customer)
                .build();
    }

    /** The kind of the newest entry, which names the ticket's event. */
    public String lastEntryKind() {
        return entries.get(entries.size() - 1).kind();
    }
}
