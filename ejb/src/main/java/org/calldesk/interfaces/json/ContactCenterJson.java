package org.calldesk.interfaces.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;
import org.calldesk.domain.model.call.Call;

/**
 * The one mapping of the domain to JSON. The REST API, the events topic and the consoles' push
 * all show the same shapes, documented in {@code docs/events.md}.
 */
public final class ContactCenterJson {

    /** Version of the event envelope; bumped only for incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    private ContactCenterJson() {
    }

    public static JsonObject call(Call call) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", call.id())
                .add("pbxCallId", call.pbxCallId())
                .add("direction", call.direction().name())
                .add("status", call.status().name())
                .add("customerNumber", call.customerNumber())
                .add("startedAt", call.startedAt().toString())
                .add("sequence", call.sequence());
        call.serviceNumber().ifPresent(number -> json.add("serviceNumber", number));
        call.endedAt().ifPresent(at -> json.add("endedAt", at.toString()));
        call.endCause().ifPresent(cause -> json.add("endCause", cause));
        return json.build();
    }

    /** The envelope of every event on the events topic. */
    public static JsonObject callEvent(Call call, Instant time) {
        return Json.createObjectBuilder()
                .add("schema", SCHEMA_VERSION)
                .add("type", "call." + call.status().name().toLowerCase(java.util.Locale.ROOT))
                .add("id", UUID.randomUUID().toString())
                .add("time", time.toString())
                .add("subject", Json.createObjectBuilder().add("kind", "call").add("id", call.id()))
                .add("sequence", call.sequence())
                .add("data", call(call))
                .build();
    }
}
