package org.calldesk.domain.model.agent;

/** Why an agent is in {@link AgentStatus#BUSINESS}: the six reasons the CTI screen offers. */
public enum BusinessReason {
    EDUCATION,
    REPORT,
    MEETING,
    /** Processing a call's ticket; also where Cancel on the finish-call prompt leads. */
    TICKET,
    CHAT,
    MONITOR
}
