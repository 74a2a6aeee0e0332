package org.calldesk.interfaces.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.calldesk.application.AgentService;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;

/** CTI login and logout, and the statuses an agent chooses between calls: Ready, Rest, Business. */
@Named("ctiSession")
@RequestScoped
public class CtiSession {

    private static final String LOGIN = "cti:login";
    private static final String ACTIONS = "cti:actions";

    private final AgentService agents;
    private final Caller caller;
    private final CtiSync sync;

    @Inject
    public CtiSession(AgentService agents, Caller caller, CtiSync sync) {
        this.agents = agents;
        this.caller = caller;
        this.sync = sync;
    }

    /** For the container's proxy only. */
    protected CtiSession() {
        this(null, null, null);
    }

    public void logIn() {
        Feedback.attempt(LOGIN, () -> agents.logIn(caller.actor(), caller.getLoginId()), refused -> LOGIN)
                .ifPresentOrElse(a -> sync.sync(), this::prefixLoginRefusal);
    }

    public void logOut() {
        sync.act(ACTIONS, () -> agents.logOut(caller.actor(), caller.getLoginId()));
    }

    public void ready() {
        choose(AgentStatus.READY, null);
    }

    public void rest() {
        choose(AgentStatus.REST, null);
    }

    public void business(BusinessReason reason) {
        choose(AgentStatus.BUSINESS, reason);
    }

    private void choose(AgentStatus status, BusinessReason reason) {
        sync.act(ACTIONS, () -> agents.chooseStatus(caller.actor(), caller.getLoginId(), status, reason));
    }

    private void prefixLoginRefusal() {
        String prefix = Messages.text("cti.loginRefused");
        FacesContext.getCurrentInstance().getMessageList(LOGIN).forEach(message -> {
            if (!message.getSummary().startsWith(prefix)) {
                message.setSummary(prefix + ": " + message.getSummary());
            }
        });
        Pages.render("cti");
    }
}
