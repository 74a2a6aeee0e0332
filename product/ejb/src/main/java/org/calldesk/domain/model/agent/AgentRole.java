package org.calldesk.domain.model.agent;

/** The CTI role registered in CTI Agent Management: admins also supervise other agents. */
public enum AgentRole {
    AGENT,
    ADMIN
}
