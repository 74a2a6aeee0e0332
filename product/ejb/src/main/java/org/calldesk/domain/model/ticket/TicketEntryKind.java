package org.calldesk.domain.model.ticket;

/** What a ticket's history entry records. */
public enum TicketEntryKind {
    CREATED,
    COMMENT,
    PENDING,
    RESOLVED,
    REOPENED,
    /** The call and its ticket went to another agent (transfer connect). */
    REASSIGNED
}
