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
}
