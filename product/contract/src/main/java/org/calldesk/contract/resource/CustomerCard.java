package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The screen pop's card of the caller, from the CRM. Null is absent. */
@Schema(name = "Customer", description = "The caller as the CRM knows them (screen pop)")
public record CustomerCard(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        String company,
        @Schema(description = "the customer's page in the CRM") String url) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer().add("id", id).add("name", name).add("company", company).add("url", url).build();
    }
}
