package org.calldesk.application.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;

/** A CTI agent and its status as they were when read. */
public record AgentView(String id, String name, String agentNumber, String device, AgentRole role,
                        Set<String> serviceIds, AgentStatus status, Optional<BusinessReason> businessReason,
                        Instant statusSince, Optional<String> callId, long sequence) {

    public AgentView {
        serviceIds = ReadModels.copy(serviceIds);
    }

    public static AgentView of(Agent agent) {
        return new AgentView(agent.id(), agent.name(), agent.agentNumber(), agent.device(), agent.role(),
                agent.serviceIds(), agent.status(), agent.businessReason(), agent.statusSince(), agent.callId(),
                agent.sequence());
    }

    public Duration timeInStatus(Instant now) {
        return Duration.between(statusSince, now);
    }
}
