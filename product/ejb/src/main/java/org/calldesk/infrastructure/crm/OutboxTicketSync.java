package org.calldesk.infrastructure.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.calldesk.application.integration.TicketSync;
import org.calldesk.domain.model.ticket.Ticket;

/** Puts every ticket change in the CRM outbox, in the transaction of the change, when a CRM is configured. */
@ApplicationScoped
public class OutboxTicketSync implements TicketSync {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    @Inject
    CrmSettings settings;

    Clock clock = Clock.systemUTC();

    @Override
    public void ticketChanged(Ticket ticket) {
        if (settings.baseUri().isPresent()) {
            new CrmOutbox(em).record(ticket, clock.instant());
        }
    }
}
