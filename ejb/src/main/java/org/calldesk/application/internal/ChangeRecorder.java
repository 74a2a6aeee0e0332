package org.calldesk.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calldesk.application.ContactCenterEvents;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.ticket.Ticket;

/**
 * What every service does after changing an aggregate: an agent's status changes go to the
 * status history, and each change is published once. One place, so no service forgets either.
 */
@ApplicationScoped
public class ChangeRecorder {

    @Inject
    AgentRepository agents;

    @Inject
    ContactCenterEvents events;

    public ChangeRecorder() {
    }

    ChangeRecorder(AgentRepository agents, ContactCenterEvents events) {
        this.agents = agents;
        this.events = events;
    }

    public void agent(Agent agent) {
        agents.recordHistory(agent.takeUnrecordedChanges());
        events.agentChanged(agent);
    }

    public void call(Call call) {
        events.callChanged(call);
    }

    public void ticket(Ticket ticket) {
        events.ticketChanged(ticket);
    }
}
