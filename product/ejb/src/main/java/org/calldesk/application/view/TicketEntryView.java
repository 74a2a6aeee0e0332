package org.calldesk.application.view;

import java.time.Instant;
import java.util.Optional;
import org.calldesk.domain.model.ticket.TicketEntry;
import org.calldesk.domain.model.ticket.TicketEntryKind;

/** One entry of a ticket's history: its creation, a comment, a change of status. */
public record TicketEntryView(String id, TicketEntryKind kind, Optional<String> body, String author,
                              Instant writtenAt) {

    public static TicketEntryView of(TicketEntry entry) {
        return new TicketEntryView(entry.id(), entry.kind(), entry.body(), entry.author(), entry.writtenAt());
    }
}
