package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.calldesk.application.Actor;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.TicketService;
import org.calldesk.application.view.TicketView;
import org.calldesk.domain.model.service.ServiceRepository;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketRepository;
import org.calldesk.domain.model.ticket.TicketStatus;

@Stateless
@Interceptors(DomainRules.class)
public class DefaultTicketService implements TicketService {

    final TicketRepository tickets;
    final ChangeRecorder changes;
    final ServiceRepository services;
    final Clock clock;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public DefaultTicketService() {
        this(null, null, null, Clock.systemUTC());
    }

    @Inject
    public DefaultTicketService(TicketRepository tickets, ChangeRecorder changes, ServiceRepository services) {
        this(tickets, changes, services, Clock.systemUTC());
    }

    /** With another clock (tests). */
    DefaultTicketService(TicketRepository tickets, ChangeRecorder changes, ServiceRepository services, Clock clock) {
        this.tickets = tickets;
        this.changes = changes;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public List<TicketView> tickets(TicketStatus status, String assigneeId, int max) {
        return tickets.search(status, assigneeId, max).stream().map(TicketView::of).toList();
    }

    @Override
    public TicketView ticket(String id) {
        return TicketView.of(find(id));
    }

    @Override
    public TicketView resolve(Actor actor, String ticketId) {
        return TicketView.of(change(actor, ticketId, "resolve", ticket -> ticket.resolve(actor.loginId(), clock.instant())));
    }

    @Override
    public TicketView setPending(Actor actor, String ticketId) {
        return TicketView.of(change(actor, ticketId, "set pending", ticket -> ticket.setPending(actor.loginId(), clock.instant())));
    }

    @Override
    public TicketView reopen(Actor actor, String ticketId) {
        return TicketView.of(change(actor, ticketId, "reopen", ticket -> ticket.reopen(actor.loginId(), clock.instant())));
    }

    @Override
    public TicketView comment(Actor actor, String ticketId, String text) {
        if (text == null) {
            throw RequestRefused.badInput("a comment needs a text");
        }
        return TicketView.of(change(actor, ticketId, "comment on", ticket -> {
            ticket.comment(actor.loginId(), text, clock.instant());
            return true;
        }));
    }

    @Override
    public TicketView create(Actor actor, NewTicket request) {
        if (request.serviceId() == null || request.serviceId().isBlank()
                || request.customerNumber() == null || request.customerNumber().isBlank()) {
            throw RequestRefused.badInput("a ticket needs a serviceId and a customerNumber");
        }
        CustomerNumbers.require(request.customerNumber());
        if (request.text() != null && request.text().length() > Ticket.MAX_COMMENT_LENGTH) {
            throw RequestRefused.badInput("the first comment has more than " + Ticket.MAX_COMMENT_LENGTH
                    + " characters");
        }
        if (services.find(request.serviceId()).isEmpty()) {
            throw RequestRefused.notFound("service", request.serviceId());
        }
        if (request.assigneeId() != null) {
            actor.requireMayActFor(request.assigneeId(), "assign a ticket to");
        } else if (!actor.mayChangeAnyTicket()) {
            throw new RequestRefused(RequestRefused.Kind.FORBIDDEN, RefusalCode.NOT_YOURS,
                    actor.loginId() + " may create tickets for themselves only");
        }
        java.time.Instant now = clock.instant();
        Ticket ticket = Ticket.opened(request.serviceId(), request.customerNumber(), request.assigneeId(),
                actor.loginId(), now);
        tickets.store(ticket);
        changes.ticket(ticket);
        if (request.text() != null && !request.text().isBlank()) {
            ticket.comment(actor.loginId(), request.text(), now);
            changes.ticket(ticket); // its own event: ticket.created (1), then ticket.commented (2)
        }
        return TicketView.of(ticket);
    }

    private Ticket find(String id) {
        return tickets.find(id).orElseThrow(() -> RequestRefused.notFound("ticket", id));
    }

    private Ticket change(Actor actor, String ticketId, String what, Predicate<Ticket> change) {
        Ticket ticket = find(ticketId);
        if (!actor.mayChangeAnyTicket() && !ticket.assigneeId().map(actor.loginId()::equals).orElse(false)) {
            throw new RequestRefused(RequestRefused.Kind.FORBIDDEN, RefusalCode.NOT_YOURS,
                    actor.loginId() + " may not " + what + " ticket " + ticketId + ", which is not theirs");
        }
        if (change.test(ticket)) {
            changes.ticket(ticket);
        }
        return ticket;
    }
}
