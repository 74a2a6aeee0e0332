package org.calldesk.application;

import java.util.List;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.StatusChangeView;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;

/** An agent's CTI session and status: login, logout, Rest/Ready/Business, and the finish-call prompt. */
public interface AgentService {

    /**
     * CTI login, into Rest. Refused, with the reason as the code, when the agent is not
     * registered ({@code NOT_REGISTERED}), the phone is not available ({@code PHONE_UNAVAILABLE}),
     * the agent is already logged in ({@code ALREADY_LOGGED_IN}) or the PBX is down.
     */
    AgentView logIn(Actor actor, String agentId);

    AgentView logOut(Actor actor, String agentId);

    AgentView chooseStatus(Actor actor, String agentId, AgentStatus status, BusinessReason reason);

    /** The finish-call prompt: Confirm ({@code confirm}) leads to Ready, Cancel to Business: Ticket. */
    AgentView finishCall(Actor actor, String agentId, boolean confirm);

    List<StatusChangeView> history(Actor actor, String agentId, int max);
}
