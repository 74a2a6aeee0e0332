package org.calldesk.interfaces.web.console;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.calldesk.application.CallControlService;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.view.AgentView;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;

/**
 * The Transfer box of the call controls: find a colleague by agent number or name (Ready agents
 * first) and start a transfer try with them. It closes itself once the agent is off the call.
 */
@Named("transfer")
@ViewScoped
public class TransferSearch implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String QUERY = "cti:transferQuery";
    private static final int MAX_RESULTS = 8;

    private final CtiManagementService setup;
    private final CallControlService control;
    private final Caller caller;
    private final CtiState state;
    private final CtiSync sync;
    private final TransferForm form = new TransferForm();

    @Inject
    public TransferSearch(CtiManagementService setup, CallControlService control, Caller caller, CtiState state,
                          CtiSync sync) {
        this.setup = setup;
        this.control = control;
        this.caller = caller;
        this.state = state;
        this.sync = sync;
    }

    /** For the container's proxy only. */
    protected TransferSearch() {
        this(null, null, null, null, null);
    }

    public TransferForm getForm() {
        return form;
    }

    void open() {
        form.open();
        searchTransferTargets();
    }

    void close() {
        form.close();
    }

    /** Transfer: find the target by agent number or name; Ready agents first. */
    public void searchTransferTargets() {
        String me = caller.getLoginId();
        List<AgentView> found = Feedback.attempt(QUERY, () -> setup.agents(Pages.trim(form.getQuery())),
                refused -> QUERY).orElse(List.of());
        form.setResults(found.stream().filter(a -> !a.id().equals(me))
                .sorted((a, b) -> Boolean.compare(b.status() == AgentStatus.READY, a.status() == AgentStatus.READY))
                .limit(MAX_RESULTS)
                .map(TransferForm.Target::of)
                .collect(Collectors.toList()));
    }

    /** Transfer try: the customer waits with music while this agent talks with the target. */
    public void transferTry(String target) {
        String chosen = target != null ? target : Pages.trim(form.getQuery());
        if (chosen == null) {
            Feedback.error(QUERY, Messages.text("transfer.targetMissing"));
            return;
        }
        sync.act(QUERY, () -> control.transferTry(caller.actor(), state.currentCallId(), chosen));
    }

    /** The Transfer box is for a call the agent is on. */
    void follow(@Observes(notifyObserver = Reception.IF_EXISTS) CtiStatusSeen seen) {
        if (!seen.onCall()) {
            form.close();
        }
    }
}
