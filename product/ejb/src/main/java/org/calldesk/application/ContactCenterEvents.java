package org.calldesk.application;

import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.ticket.Ticket;

/**
 * What the contact center tells the world (consoles, CRMs) about changes it made. Each method is
 * called in the transaction that made the change, so an event is published exactly when the
 * change commits.
 */
public interface ContactCenterEvents {

    void callChanged(Call call);

    void agentChanged(Agent agent);

    void ticketChanged(Ticket ticket);
}
