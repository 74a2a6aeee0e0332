package org.calldesk.domain.model.ticket;

import java.util.List;
import java.util.Optional;

/** Where tickets are kept. */
public interface TicketRepository {

    Optional<Ticket> find(String id);

    Optional<Ticket> findByCallId(String callId);

    /** The most recently changed tickets first; {@code status} and {@code assigneeId} filter when given. */
    List<Ticket> search(TicketStatus status, String assigneeId, int max);

    void store(Ticket ticket);
}
