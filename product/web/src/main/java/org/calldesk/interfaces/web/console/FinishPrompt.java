package org.calldesk.interfaces.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.calldesk.application.AgentService;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.CallView;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Formats;
import org.calldesk.interfaces.web.Messages;

/**
 * The finish-call prompt after a call: what became of the call, then Confirm (Ready for the
 * next call) or Cancel (Business: Ticket, with the call's ticket open to process).
 */
@Named("finish")
@RequestScoped
public class FinishPrompt {

    private static final String MESSAGE = "dialogs:finishMessage";

    private final AgentService agents;
    private final Caller caller;
    private final CtiState state;
    private final CtiSync sync;
    private final Formats formats;

    @Inject
    public FinishPrompt(AgentService agents, Caller caller, CtiState state, CtiSync sync, Formats formats) {
        this.agents = agents;
        this.caller = caller;
        this.state = state;
        this.sync = sync;
        this.formats = formats;
    }

    /** For the container's proxy only. */
    protected FinishPrompt() {
        this(null, null, null, null, null);
    }

    /** What became of the call, e.g. "0311112222: Customer hung up." */
    public String getSummary() {
        CallView ended = state.getCall();
        if (ended == null) {
            return "";
        }
        String what;
        if (ended.status() == CallStatus.ENDED) {
            what = formats.endCause(ended.endCause().orElse(null));
        } else {
            AgentView now = state.getCallAgent();
            what = now == null ? Messages.text("finish.transferredToColleague")
                    : Messages.text("finish.transferredTo", now.name());
        }
        return Messages.text("finish.summary", ended.customerNumber(), what);
    }

    /** Confirm: Ready for the next call. */
    public void finishReady() {
        sync.actInDialog(MESSAGE, state::isAfterCall, () -> agents.finishCall(caller.actor(), caller.getLoginId(), true));
    }

    /** Cancel: Business: Ticket, with the call's ticket open to process. */
    public void finishToTicket() {
        Optional<String> ticketId = state.callTicketId();
        if (sync.actInDialog(MESSAGE, state::isAfterCall,
                () -> agents.finishCall(caller.actor(), caller.getLoginId(), false))) {
            ticketId.ifPresent(sync::openTicket);
        }
    }
}
