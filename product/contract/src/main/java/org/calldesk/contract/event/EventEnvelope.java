package org.calldesk.contract.event;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.calldesk.contract.resource.AgentBody;
import org.calldesk.contract.resource.CallBody;
import org.calldesk.contract.resource.TicketBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The envelope of every event on the events topic, schema {@value #SCHEMA_VERSION}: its type
 * ({@code call.waiting}, {@code agent.ready}, {@code ticket.created}...), its own id, its time, the subject
 * it is about with that subject's sequence, and the subject as REST shows it in {@code data}.
 */
@Schema(name = "Event", description = "An event of the events topic (docs/events.md)")
public record EventEnvelope(
        @Schema(required = true) int schema,
        @Schema(required = true, example = "call.waiting") String type,
        @Schema(required = true) String id,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant time,
        @Schema(required = true) Subject subject,
        @Schema(required = true) long sequence,
        @Schema(required = true, description = "a Call, an Agent or a Ticket") JsonBody data) implements JsonBody {

    /** Version of the envelope; bumped only for incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    /** What an event is about: {@code kind} call, agent or ticket, and its id. */
    @Schema(name = "EventSubject")
    public record Subject(@Schema(required = true) String kind, @Schema(required = true) String id)
            implements JsonBody {
        @Override
        public JsonObject toJson() {
            return WireJson.writer().add("kind", kind).add("id", id).build();
        }
    }

    /** The event of a call's change: type {@code call.<status>}, e.g. {@code call.waiting}. */
    public static EventEnvelope of(CallBody call, Instant time) {
        return create("call." + lower(call.status()), "call", call.id(), call.sequence(), call, time);
    }

    /** The event of an agent's change: type {@code agent.<status>}, e.g. {@code agent.ready}. */
    public static EventEnvelope of(AgentBody agent, Instant time) {
        return create("agent." + lower(agent.status()), "agent", agent.id(), agent.sequence(), agent, time);
    }

    /** The event of a ticket's change, named for its last entry: {@code ticket.created}, {@code ticket.resolved}... */
    public static EventEnvelope of(TicketBody ticket, Instant time) {
        String kind = ticket.lastEntryKind();
        String name = "COMMENT".equals(kind) ? "commented" : lower(kind);
        return create("ticket." + name, "ticket", ticket.id(), ticket.sequence(), ticket, time);
    }

    private static EventEnvelope create(String type, String kind, String subjectId, long sequence, JsonBody data,
                                        Instant time) {
        return new EventEnvelope(SCHEMA_VERSION, type, UUID.randomUUID().toString(), time,
                new Subject(kind, subjectId), sequence, data);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("schema", schema)
                .add("type", type)
                .add("id", id)
                .add("time", time)
                .add("subject", subject)
                .add("sequence", sequence)
                .add("data", data)
                .build();
    }
}
