package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's choice of status: REST, READY, or BUSINESS with a reason. */
@Schema(name = "StatusChoice", description = "REST, READY or BUSINESS (with businessReason)")
public record StatusRequest(
        @Schema(required = true, example = "READY") String status,
        @Schema(description = "with BUSINESS: EDUCATION, REPORT, MEETING, TICKET, CHAT or MONITOR")
        String businessReason) {

    public static StatusRequest from(JsonObject body) {
        Fields fields = Fields.of(body);
        return new StatusRequest(fields.text("status"), fields.optionalText("businessReason"));
    }
}
