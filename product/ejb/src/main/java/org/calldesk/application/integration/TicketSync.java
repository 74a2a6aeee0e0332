package org.calldesk.application.integration;

import org.calldesk.domain.model.ticket.Ticket;

/**
 * Hands every change of a ticket to the CRM. Called in the transaction that made the change, so
 * the CRM hears of exactly the changes that committed, in their order, even if it is down when
 * they happen.
 */
public interface TicketSync {

    /** No ticket push, where none is wanted (tests that wire services by hand). */
    TicketSync NONE = ticket -> {
    };

    void ticketChanged(Ticket ticket);
}
