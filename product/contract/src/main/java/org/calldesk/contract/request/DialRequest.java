package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Dial up: call a customer with one of the service's sending numbers. */
@Schema(name = "Dial", description = "Dial up; agentId defaults to the signed-in account")
public record DialRequest(
        String agentId,
        @Schema(required = true) String serviceId,
        @Schema(required = true) String customerNumber,
        @Schema(required = true, description = "one of the service's sending numbers") String sendingNumber) {

    public static DialRequest from(JsonObject body) {
        Fields fields = Fields.of(body);
        return new DialRequest(fields.optionalText("agentId"), fields.text("serviceId"),
                fields.text("customerNumber"), fields.text("sendingNumber"));
    }
}
