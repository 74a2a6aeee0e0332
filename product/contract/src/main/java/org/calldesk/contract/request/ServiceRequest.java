package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import java.util.Set;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A service's definition (Service Management); {@code id} only when creating. Null
 * {@code offerTimeoutSeconds} and {@code callEnabled} take the defaults.
 */
@Schema(name = "ServiceDefinition", description = "A service's definition; id when creating")
public record ServiceRequest(
        @Schema(description = "required by POST /services, ignored by PUT") String id,
        @Schema(required = true) String name,
        @Schema(required = true) String announcement,
        @Schema(description = "how long an agent is offered a call; the default when absent") Long offerTimeoutSeconds,
        @Schema(description = "true when absent") Boolean callEnabled,
        Set<String> dialledNumbers,
        Set<String> sendingNumbers) {

    /** A new service: {@code id} is required. */
    public static ServiceRequest newService(JsonObject body) {
        Fields fields = Fields.of(body);
        String id = fields.text("id");
        return read(id, fields);
    }

    /** A change of a service, whose id is in the path. */
    public static ServiceRequest change(JsonObject body) {
        return read(null, Fields.of(body));
    }

    private static ServiceRequest read(String id, Fields fields) {
        return new ServiceRequest(id, fields.text("name"), fields.text("announcement"),
                fields.optionalNumber("offerTimeoutSeconds"), fields.optionalBool("callEnabled"),
                fields.texts("dialledNumbers"), fields.texts("sendingNumbers"));
    }
}
