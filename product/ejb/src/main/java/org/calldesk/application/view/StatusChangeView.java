package org.calldesk.application.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.AgentStatusChange;
import org.calldesk.domain.model.agent.BusinessReason;

/** One change of an agent's status, with the time spent in the status before. */
public record StatusChangeView(String id, String agentId, AgentStatus status, Optional<BusinessReason> businessReason,
                               AgentStatus previousStatus, Optional<BusinessReason> previousBusinessReason,
                               Instant previousSince, Duration previousDuration, Instant changedAt,
                               Optional<String> callId) {

    public static StatusChangeView of(AgentStatusChange change) {
        return new StatusChangeView(change.id(), change.agentId(), change.status(), change.businessReason(),
                change.previousStatus(), change.previousBusinessReason(), change.previousSince(),
                change.previousDuration(), change.changedAt(), change.callId());
    }
}
