package org.calldesk.interfaces.web.console;

import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.calldesk.application.view.CallView;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.interfaces.web.Feedback;

/**
 * The CTI panel's state machine: after each action and each push it reads the agent's state
 * again and tells the page what to show next (the panel and the dialogs always; on a new
 * inbound alert, the service's ticket screen, opening the console from another page; once the
 * agent's call has a ticket, that ticket). It remembers the alert and the ticket it last showed,
 * so each is shown once.
 */
@Named("ctiSync")
@ViewScoped
public class CtiSync implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String NOTICE = "cti:notice";

    private final CtiState state;
    private final Event<ConsoleSync> syncs;
    private final Event<CtiStatusSeen> statuses;

    private String lastAlertedCallId;
    private String lastOpenedTicketId;

    @Inject
    public CtiSync(CtiState state, Event<ConsoleSync> syncs, Event<CtiStatusSeen> statuses) {
        this.state = state;
        this.syncs = syncs;
        this.statuses = statuses;
    }

    /** For the container's proxy only. */
    protected CtiSync() {
        this(null, null, null);
    }

    /**
     * Something changed for this agent (pushed by the server, or the connection came back): read
     * the state again and show it.
     */
    public void refresh() {
        state.reset();
        sync();
    }

    /** Runs an action of the panel; a refusal is shown at {@code messageClientId}. */
    boolean act(String messageClientId, Runnable action) {
        boolean done = Feedback.attempt(messageClientId, action);
        if (done) {
            state.reset();
        }
        sync();
        return done;
    }

    /**
     * An action of a dialog: a refusal is shown in the dialog, or in the panel when the dialog
     * has gone meanwhile (the caller hung up, the offer timed out).
     */
    boolean actInDialog(String dialogMessageId, BooleanSupplier dialogStillOpen, Runnable action) {
        boolean done = Feedback.attempt(NOTICE, action);
        state.reset();
        if (!done && dialogStillOpen.getAsBoolean()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            List<FacesMessage> messages = List.copyOf(faces.getMessageList(NOTICE));
            faces.getMessageList(NOTICE).clear();
            messages.forEach(message -> faces.addMessage(dialogMessageId, message));
        }
        sync();
        return done;
    }

    /** The call the agent is (or was last) alerted with, for Confirm and Cancel. */
    String alertedCallId() {
        return state.getStatus() == AgentStatus.ALERTING ? state.callId().orElse(lastAlertedCallId)
                : lastAlertedCallId;
    }

    /** Show this ticket: on the console at once, from another page by opening the console on it. */
    void openTicket(String ticketId) {
        lastOpenedTicketId = ticketId;
        if (Pages.onConsole()) {
            syncs.fire(new ConsoleSync(state.getStatus(), Optional.empty(), Optional.of(ticketId)));
        } else {
            Pages.redirectToConsole("ticket=" + ticketId);
        }
    }

    /** Bring the page in line with the agent's state. */
    void sync() {
        Pages.render("cti");
        Pages.render("dialogs");
        if (!state.isRegistered()) {
            return;
        }
        AgentStatus status = state.getStatus();
        CtiStatusSeen seen = new CtiStatusSeen(status);
        statuses.fire(seen);
        Optional<CallView> current = Optional.ofNullable(state.getCall());
        Optional<CallView> newAlert = current.filter(c -> status == AgentStatus.ALERTING)
                .filter(c -> !c.id().equals(lastAlertedCallId));
        if (newAlert.isPresent()) {
            lastAlertedCallId = newAlert.get().id();
            if (!Pages.onConsole()) {
                Pages.redirectToConsole(null);
                return;
            }
        }
        Optional<String> ticket = (seen.onCall() || status == AgentStatus.AFTER_CALL ? state.callTicketId()
                : Optional.<String>empty()).filter(id -> !id.equals(lastOpenedTicketId));
        ticket.ifPresent(id -> lastOpenedTicketId = id);
        syncs.fire(new ConsoleSync(status, newAlert, ticket));
    }
}
