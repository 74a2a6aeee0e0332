package org.calldesk.contract.event;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.calldesk.contract.resource.AgentBody;
import org.calldesk.contract.resource.CallBody;
import org.calldesk.contract.resource.TicketBody;
import org.calldesk.contract.resource.TicketEntryBody;
import org.junit.jupiter.api.Test;

/** The envelope of docs/events.md (schema 1) and the event types named for the subject's state. */
class EventEnvelopeTest {

    private static final Instant TIME = Instant.parse("2026-11-27T10:15:31.402Z");

    @Test
    void aCallEventIsTheEnvelopeAroundTheCallNamedForItsStatus() {
        CallBody call = new CallBody("c1", "p1", "INBOUND", "WAITING", "0101", TIME, 4, null, "support", null,
                null, null, null, null, null, null, null, null, null, null);

        JsonObject event = EventEnvelope.of(call, TIME).toJson();

        assertThat(List.copyOf(event.keySet()))
                .containsExactly("schema", "type", "id", "time", "subject", "sequence", "data");
        assertThat(event.getInt("schema")).isEqualTo(1);
        assertThat(event.getString("type")).isEqualTo("call.waiting");
        assertThat(UUID.fromString(event.getString("id"))).isNotNull();
        assertThat(event.getString("time")).isEqualTo("2026-11-27T10:15:31.402Z");
        assertThat(event.getJsonObject("subject").toString()).isEqualTo("{\"kind\":\"call\",\"id\":\"c1\"}");
        assertThat(event.getJsonNumber("sequence").longValue()).isEqualTo(4);
        assertThat(event.getJsonObject("data")).isEqualTo(call.toJson());
    }

    @Test
    void everyEventHasItsOwnId() {
        CallBody call = new CallBody("c1", "p1", "INBOUND", "WAITING", "0101", TIME, 4, null, null, null,
                null, null, null, null, null, null, null, null, null, null);

        assertThat(EventEnvelope.of(call, TIME).id()).isNotEqualTo(EventEnvelope.of(call, TIME).id());
    }

    @Test
    void anAgentEventIsNamedForTheAgentsStatusInLowerCase() {
        AgentBody agent = new AgentBody("agent1", "A", "1001", "PJSIP/1001", "AGENT", Set.of(), "AFTER_CALL",
                TIME, 0, 7, null, "c1");

        EventEnvelope event = EventEnvelope.of(agent, TIME);

        assertThat(event.type()).isEqualTo("agent.after_call");
        assertThat(event.subject()).isEqualTo(new EventEnvelope.Subject("agent", "agent1"));
        assertThat(event.sequence()).isEqualTo(7);
    }

    @Test
    void aTicketEventIsNamedForItsLastEntryAndACommentIsCommented() {
        assertThat(EventEnvelope.of(ticket("CREATED"), TIME).type()).isEqualTo("ticket.created");
        assertThat(EventEnvelope.of(ticket("COMMENT"), TIME).type()).isEqualTo("ticket.commented");
        assertThat(EventEnvelope.of(ticket("RESOLVED"), TIME).type()).isEqualTo("ticket.resolved");
        assertThat(EventEnvelope.of(ticket("REASSIGNED"), TIME).type()).isEqualTo("ticket.reassigned");
    }

    private static TicketBody ticket(String lastKind) {
        return new TicketBody("t1", "support", "0101", "OPEN", TIME, TIME, 2,
                List.of(new TicketEntryBody("e1", "CREATED", "agent1", TIME, null),
                        new TicketEntryBody("e2", lastKind, "agent1", TIME, null)),
                null, null, null);
    }
}
