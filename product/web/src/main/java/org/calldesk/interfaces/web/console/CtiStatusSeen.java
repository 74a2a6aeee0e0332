package org.calldesk.interfaces.web.console;

import org.calldesk.domain.model.agent.AgentStatus;

/**
 * The CTI panel has read the agent's status again (after an action or a push): the dialogs and
 * boxes that only make sense in some statuses close themselves when it is not one of them.
 */
record CtiStatusSeen(AgentStatus status) {

    /** Talking or holding: the call controls (Transfer, Disconnect) stay open. */
    boolean onCall() {
        return status == AgentStatus.TALKING || status == AgentStatus.HOLDING;
    }
}
