package org.calldesk.application;

import java.util.List;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketStatus;

/** Processing calls' tickets: Resolved, Pending, comments. Its assignee or an admin changes a ticket. */
public interface TicketService {

    List<Ticket> tickets(TicketStatus status, String assigneeId, int max);

    Ticket ticket(String id);

    Ticket resolve(Actor actor, String ticketId);

    Ticket setPending(Actor actor, String ticketId);

    Ticket reopen(Actor actor, String ticketId);

    Ticket comment(Actor actor, String ticketId, String text);

    /**
     * A ticket without a call (a CRM's matter for a customer), open, optionally assigned to an
     * agent and with a first comment.
     */
    Ticket create(Actor actor, NewTicket request);

    /** @param assigneeId may be null; @param text the first comment, may be null */
    record NewTicket(String serviceId, String customerNumber, String assigneeId, String text) {
    }
}
