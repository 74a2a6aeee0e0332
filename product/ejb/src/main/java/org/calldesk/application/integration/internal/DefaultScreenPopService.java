package org.calldesk.application.integration.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.calldesk.application.integration.ScreenPopService;
import org.calldesk.application.internal.ChangeRecorder;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.model.ticket.TicketRepository;

@Stateless
public class DefaultScreenPopService implements ScreenPopService {

    @Inject
    CallRepository calls;

    @Inject
    TicketRepository tickets;

    @Inject
    ChangeRecorder changes;

    @Override
    public void customerIdentified(String callId, Customer customer) {
        calls.find(callId).ifPresent(call -> identify(call, customer));
    }

    private void identify(Call call, Customer customer) {
        if (call.identifyCustomer(customer)) {
            changes.call(call);
        }
        // the agent may have confirmed before the CRM answered: the ticket shows the caller too
        call.ticketId().flatMap(tickets::find)
                .filter(ticket -> ticket.identifyCustomer(customer))
                .ifPresent(changes::ticket);
    }
}
