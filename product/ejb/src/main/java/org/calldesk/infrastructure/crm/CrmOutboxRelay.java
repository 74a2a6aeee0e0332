package org.calldesk.infrastructure.crm;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** One delivery attempt of the CRM outbox, in a transaction of its own. */
@Stateless
public class CrmOutboxRelay {

    @PersistenceContext(unitName = "calldesk")
    EntityManager em;

    @Inject
    RestTicketPush push;

    Clock clock = Clock.systemUTC();

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrmOutbox.Step deliverNext() {
        return new CrmOutbox(em).deliverNext(push, clock.instant());
    }
}
