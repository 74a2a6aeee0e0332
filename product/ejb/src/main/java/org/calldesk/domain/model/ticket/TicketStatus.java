package org.calldesk.domain.model.ticket;

/** Where a ticket stands: open while being handled, Pending while waiting on something, Resolved when done. */
public enum TicketStatus {
    OPEN,
    PENDING,
    RESOLVED
}
