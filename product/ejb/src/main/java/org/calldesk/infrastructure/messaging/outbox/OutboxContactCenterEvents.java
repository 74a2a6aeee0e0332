package org.calldesk.infrastructure.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import org.calldesk.application.ContactCenterEvents;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.application.view.WireBodies;

/**
 * Publishes the contact center's changes as JSON on the events topic, through the outbox, when
 * the change commits. The message properties {@code type} (the subject's kind),
 * {@code eventType} and {@code subjectId} let subscribers select what they follow without reading
 * the body; the subject is also the message group, so one subject's events stay in order.
 */
@ApplicationScoped
public class OutboxContactCenterEvents implements ContactCenterEvents {

    @Inject
    EventOutbox outbox;

    Clock clock = Clock.systemUTC();

    @Override
    public void callChanged(Call call) {
        publish("call", call.id(), WireBodies.callEvent(call, clock.instant()));
    }

    @Override
    public void agentChanged(Agent agent) {
        publish("agent", agent.id(), WireBodies.agentEvent(agent, clock.instant()));
    }

    @Override
    public void ticketChanged(Ticket ticket) {
        publish("ticket", ticket.id(), WireBodies.ticketEvent(ticket, clock.instant()));
    }

    private void publish(String kind, String subjectId, JsonObject event) {
        outbox.publish(kind, subjectId, event.getString("type"), event.toString());
    }
}
