package org.calldesk.application;

import java.util.List;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.AgentStatusChange;
import org.calldesk.domain.model.agent.BusinessReason;

/** An agent's CTI session and status: login, logout, Rest/Ready/Business, and the finish-call prompt. */
public interface AgentService {

    /**
     * CTI login, into Rest. Refused, with the reason as the code, when the agent is not
     * registered ({@code NOT_REGISTERED}), the phone is not available ({@code PHONE_UNAVAILABLE}),
     * the agent is already logged in ({@code ALREADY_LOGGED_IN}) or the PBX is down.
     */
    Agent logIn(Actor actor, String agentId);

    Agent logOut(Actor actor, String agentId);

    Agent chooseStatus(Actor actor, String agentId, AgentStatus status, BusinessReason reason);

    /** The finish-call prompt: Confirm ({@code confirm}) leads to Ready, Cancel to Business: Ticket. */
    Agent finishCall(Actor actor, String agentId, boolean confirm);

    List<AgentStatusChange> history(Actor actor, String agentId, int max);
}
