package org.calldesk.interfaces.web.console;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calldesk.application.CallService;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.TicketService;
import org.calldesk.application.view.CallView;
import org.calldesk.application.view.TicketEntryView;
import org.calldesk.application.view.TicketView;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.ticket.TicketStatus;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;
import org.calldesk.interfaces.web.PerRequest;

/**
 * Online Contact: the agent's tickets (filtered by status and service) and the ticket processing
 * screen (customer number, service, the ticket's history and calls, Resolved / Pending / Add a
 * comment). On an inbound alert it shows the called service's ticket screen for that caller;
 * once the call is connected, its new ticket.
 */
@Named("contact")
@ViewScoped
public class OnlineContact implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_TICKETS = 200;
    private static final int MAX_CALLS_SEARCHED = 500;
    private static final int MAX_CALL_HISTORY = 20;

    @Inject
    TicketService tickets;

    @Inject
    CallService calls;

    @Inject
    CtiSync ctiSync;

    @Inject
    Caller caller;

    private TicketStatus statusFilter;
    private String serviceFilter;
    private boolean allAgents;
    private String selectedTicketId;
    private String incomingCallId;
    private final Map<String, String> drafts = new HashMap<>();

    private final PerRequest<List<TicketView>> list = new PerRequest<>(this::loadTickets);
    private final PerRequest<Optional<TicketView>> selected = new PerRequest<>(this::loadSelected);
    private final PerRequest<Optional<CallView>> incoming = new PerRequest<>(this::loadIncoming);
    private final PerRequest<List<CallView>> callHistory = new PerRequest<>(this::loadCallHistory);
    private final PerRequest<List<TicketView>> callerTickets = new PerRequest<>(this::loadCallerTickets);
    private final PerRequest<List<CallView>> callerCalls = new PerRequest<>(this::loadCallerCalls);

    /** On opening the page: the ticket asked for in the address, or what the agent's call needs. */
    public void open() {
        ctiSync.refresh();
    }

    // ---- the list

    public List<TicketView> getTickets() {
        return list.get();
    }

    public void filter() {
        list.reset();
    }

    public TicketStatus getStatusFilter() {
        return statusFilter;
    }

    public void setStatusFilter(TicketStatus statusFilter) {
        this.statusFilter = statusFilter;
    }

    public String getServiceFilter() {
        return serviceFilter;
    }

    public void setServiceFilter(String serviceFilter) {
        this.serviceFilter = serviceFilter;
    }

    public boolean isAllAgents() {
        return allAgents;
    }

    public void setAllAgents(boolean allAgents) {
        this.allAgents = allAgents;
    }

    // ---- the ticket processing screen

    public String getSelectedTicketId() {
        return selectedTicketId;
    }

    /** Set from the address ({@code ?ticket=...}). */
    public void setSelectedTicketId(String selectedTicketId) {
        this.selectedTicketId = selectedTicketId == null || selectedTicketId.isBlank() ? null : selectedTicketId;
        selected.reset();
        callHistory.reset();
    }

    public void select(String ticketId) {
        incomingCallId = null;
        setSelectedTicketId(ticketId);
        renderPane();
    }

    public void close() {
        select(null);
    }

    public TicketView getTicket() {
        return isIncoming() ? null : selected.get().orElse(null);
    }

    /** The ticket's assignee (or an admin) processes it; others read it. */
    public boolean isProcessable() {
        TicketView ticket = getTicket();
        return ticket != null && (caller.isAdmin() || ticket.assigneeId().map(caller.getLoginId()::equals).orElse(false));
    }

    /** The ticket's history, newest first. */
    public List<TicketEntryView> getEntries() {
        TicketView ticket = getTicket();
        if (ticket == null) {
            return List.of();
        }
        List<TicketEntryView> entries = new ArrayList<>(ticket.entries());
        entries.sort(Comparator.comparing(TicketEntryView::writtenAt).reversed());
        return entries;
    }

    /** The ticket's call and the customer's other calls, newest first. */
    public List<CallView> getCallHistory() {
        return callHistory.get();
    }

    private List<CallView> loadCallHistory() {
        TicketView ticket = getTicket();
        return ticket == null ? List.of() : callsOf(ticket.customerNumber(), ticket.callId().orElse(null));
    }

    public String getComment() {
        return selectedTicketId == null ? null : drafts.get(selectedTicketId);
    }

    /** What the agent typed is kept per ticket until it is added, also when they look at another ticket. */
    public void setComment(String comment) {
        if (selectedTicketId != null) {
            drafts.put(selectedTicketId, comment);
        }
    }

    public void resolve() {
        change(ticketId -> tickets.resolve(caller.actor(), ticketId));
    }

    public void pending() {
        change(ticketId -> tickets.setPending(caller.actor(), ticketId));
    }

    public void reopen() {
        change(ticketId -> tickets.reopen(caller.actor(), ticketId));
    }

    public void addComment() {
        String text = getComment();
        if (text == null || text.isBlank()) {
            Feedback.error("work:comment", Messages.text("ticket.commentMissing"));
            return;
        }
        String ticketId = selectedTicketId;
        if (Feedback.attempt("work:comment", () -> tickets.comment(caller.actor(), ticketId, text.strip()))) {
            drafts.remove(ticketId);
            renderPane();
        }
        resetLists();
    }

    private void change(java.util.function.Consumer<String> action) {
        String ticketId = selectedTicketId;
        if (ticketId != null) {
            Feedback.attempt("work:ticketActions", () -> action.accept(ticketId));
        }
        resetLists();
        Pages.render("work:list");
        Pages.render("work:ticketInfo");
    }

    // ---- the inbound alert's service screen

    public boolean isIncoming() {
        return incomingCallId != null && incoming.get().isPresent();
    }

    public CallView getIncomingCall() {
        return isIncoming() ? incoming.get().orElse(null) : null;
    }

    /** The caller's earlier tickets, of every service, newest first. */
    public List<TicketView> getCallerTickets() {
        return callerTickets.get();
    }

    private List<TicketView> loadCallerTickets() {
        CallView call = getIncomingCall();
        if (call == null) {
            return List.of();
        }
        return tickets.tickets(null, null, MAX_TICKETS).stream()
                .filter(t -> t.customerNumber().equals(call.customerNumber()))
                .limit(10).collect(Collectors.toList());
    }

    public List<CallView> getCallerCalls() {
        return callerCalls.get();
    }

    private List<CallView> loadCallerCalls() {
        CallView call = getIncomingCall();
        return call == null ? List.of() : callsOf(call.customerNumber(), call.id());
    }

    // ---- following the CTI panel

    void follow(@Observes(notifyObserver = Reception.IF_EXISTS) ConsoleSync sync) {
        resetLists();
        if (sync.alertingCall().isPresent()) {
            incomingCallId = sync.alertingCall().get().id();
            incoming.reset();
            renderPane();
        } else if (sync.ticketToOpen().isPresent()) {
            incomingCallId = null;
            setSelectedTicketId(sync.ticketToOpen().get());
            renderPane();
        } else if (incomingCallId != null && sync.status() != AgentStatus.ALERTING) {
            incomingCallId = null;
            renderPane();
        } else {
            Pages.render("work:list");
            Pages.render("work:ticketInfo");
        }
    }

    private void renderPane() {
        Pages.render("work:list");
        Pages.render("work:ticketInfo");
        Pages.render("work:commentBox");
    }

    private void resetLists() {
        list.reset();
        selected.reset();
        incoming.reset();
        callHistory.reset();
        callerTickets.reset();
        callerCalls.reset();
    }

    private List<TicketView> loadTickets() {
        String assignee = allAgents && caller.isAdmin() ? null : caller.getLoginId();
        return tickets.tickets(statusFilter, assignee, MAX_TICKETS).stream()
                .filter(t -> serviceFilter == null || serviceFilter.equals(t.serviceId()))
                .collect(Collectors.toList());
    }

    private Optional<TicketView> loadSelected() {
        if (selectedTicketId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(tickets.ticket(selectedTicketId));
        } catch (RequestRefused unknown) {
            return Optional.empty();
        }
    }

    private Optional<CallView> loadIncoming() {
        return incomingCallId == null ? Optional.empty() : calls.find(incomingCallId);
    }

    private List<CallView> callsOf(String customerNumber, String firstCallId) {
        List<CallView> found = calls.recentCalls(MAX_CALLS_SEARCHED).stream()
                .filter(c -> c.customerNumber().equals(customerNumber) || Objects.equals(c.id(), firstCallId))
                .sorted(Comparator.comparing(CallView::startedAt).reversed())
                .limit(MAX_CALL_HISTORY).collect(Collectors.toList());
        if (firstCallId != null && found.stream().noneMatch(c -> c.id().equals(firstCallId))) {
            calls.find(firstCallId).ifPresent(c -> found.add(0, c));
        }
        return found;
    }
}
