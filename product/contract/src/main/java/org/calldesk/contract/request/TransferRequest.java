package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Transfer try: the target agent, by login id or agent number. */
@Schema(name = "Transfer", description = "The target agent of a transfer")
public record TransferRequest(@Schema(required = true, description = "login id or agent number") String target) {

    public static TransferRequest from(JsonObject body) {
        return new TransferRequest(Fields.of(body).text("target"));
    }
}
