package org.calldesk.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calldesk.application.ContactCenterEvents;
import org.calldesk.application.integration.ScreenPopTrigger;
import org.calldesk.application.integration.TicketSync;
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

    @Inject
    ScreenPopTrigger screenPop;

    @Inject
    TicketSync ticketSync;

    public ChangeRecorder() {
    }

    ChangeRecorder(AgentRepository agents, ContactCenterEvents events) {
        this.agents = agents;
        this.events = events;
        this.screenPop = ScreenPopTrigger.NONE;
        this.ticketSync = TicketSync.NONE;
    }

    public void agent(Agent agent) {
        agents.recordHistory(agent.takeUnrecordedChanges());
        events.agentChanged(agent);
    }

    public void call(Call call) {
        events.callChanged(call);
        if (call.sequence() == 1) {
            screenPop.lookUpSoon(call.id(), call.customerNumber()); // a new call: who is calling?
        }
    }

    public void ticket(Ticket ticket) {
        events.ticketChanged(ticket);
        ticketSync.ticketChanged(ticket);
    }
}
