package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket without a call; {@code text} is its first comment. */
@Schema(name = "NewTicket", description = "A ticket without a call; text is the first comment")
public record NewTicketRequest(
        @Schema(required = true) String serviceId,
        @Schema(required = true) String customerNumber,
        String assigneeId,
        String text) {

    public static NewTicketRequest from(JsonObject body) {
        Fields fields = Fields.of(body);
        return new NewTicketRequest(fields.text("serviceId"), fields.text("customerNumber"),
                fields.optionalText("assigneeId"), fields.optionalText("text"));
    }
}
