package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sending number to add to a service. */
@Schema(name = "SendingNumber", description = "A sending number to add to a service")
public record SendingNumberRequest(@Schema(required = true) String number) {

    public static SendingNumberRequest from(JsonObject body) {
        return new SendingNumberRequest(Fields.of(body).text("number"));
    }
}
