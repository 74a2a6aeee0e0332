package org.calldesk.application;

import java.util.List;
import org.calldesk.application.view.TicketView;
import org.calldesk.domain.model.ticket.TicketStatus;

/** Processing calls' tickets: Resolved, Pending, comments. Its assignee or an admin changes a ticket. */
public interface TicketService {

    List<TicketView> tickets(TicketStatus status, String assigneeId, int max);

    TicketView ticket(String id);

    TicketView resolve(Actor actor, String ticketId);

    TicketView setPending(Actor actor, String ticketId);

    TicketView reopen(Actor actor, String ticketId);

    TicketView comment(Actor actor, String ticketId, String text);

    /**
     * A ticket without a call (a CRM's matter for a customer), open, optionally assigned to an
     * agent and with a first comment.
     */
    TicketView create(Actor actor, NewTicket request);

    /** @param assigneeId may be null; @param text the first comment, may be null */
    record NewTicket(String serviceId, String customerNumber, String assigneeId, String text) {
    }
}
