package org.calldesk.application.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketStatus;

/** A ticket with its entries, oldest first, as it was when read. */
public record TicketView(String id, String serviceId, Optional<String> callId, String customerNumber,
                         Optional<Customer> customer, TicketStatus status, Optional<String> assigneeId,
                         Instant createdAt, Instant updatedAt, List<TicketEntryView> entries, long sequence) {

    public TicketView {
        entries = List.copyOf(entries);
    }

    public static TicketView of(Ticket ticket) {
        return new TicketView(ticket.id(), ticket.serviceId(), ticket.callId(), ticket.customerNumber(),
                ticket.customer(), ticket.status(), ticket.assigneeId(), ticket.createdAt(), ticket.updatedAt(),
                ticket.entries().stream().map(TicketEntryView::of).toList(), ticket.sequence());
    }

    /** The newest entry: a ticket is created with one. */
    public TicketEntryView lastEntry() {
        return entries.get(entries.size() - 1);
    }
}
