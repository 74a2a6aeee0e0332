package org.calldesk.domain.model.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One change of an agent's status, kept for good. Each change also says which status it ended
 * and since when, so a report sums the time spent per status from these rows alone, without
 * ever updating one.
 */
@Entity
@Table(name = "agent_status_change")
public class AgentStatusChange {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "agent_id", nullable = false, length = 64)
    private String agentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AgentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_reason", length = 16)
    private BusinessReason businessReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status", nullable = false, length = 16)
    private AgentStatus previousStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_business_reason", length = 16)
    private BusinessReason previousBusinessReason;

    @Column(name = "previous_since", nullable = false)
    private Instant previousSince;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "call_id", length = 36)
    private String callId;

    protected AgentStatusChange() {
        // for JPA
    }

    AgentStatusChange(String agentId, AgentStatus previousStatus, BusinessReason previousBusinessReason,
                      Instant previousSince, AgentStatus status, BusinessReason businessReason, Instant changedAt,
                      String callId) {
        this.id = UUID.randomUUID().toString();
        this.agentId = Objects.requireNonNull(agentId, "agentId is required");
        this.previousStatus = Objects.requireNonNull(previousStatus, "previousStatus is required");
        this.previousBusinessReason = previousBusinessReason;
        this.previousSince = Objects.requireNonNull(previousSince, "previousSince is required");
        this.status = Objects.requireNonNull(status, "status is required");
        this.businessReason = businessReason;
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt is required");
        this.callId = callId;
    }

    public String id() {
        return id;
    }

    public String agentId() {
        return agentId;
    }

    public AgentStatus status() {
        return status;
    }

    public Optional<BusinessReason> businessReason() {
        return Optional.ofNullable(businessReason);
    }

    public AgentStatus previousStatus() {
        return previousStatus;
    }

    public Optional<BusinessReason> previousBusinessReason() {
        return Optional.ofNullable(previousBusinessReason);
    }

    public Instant previousSince() {
        return previousSince;
    }

    /** How long the agent was in the previous status. */
    public Duration previousDuration() {
        return Duration.between(previousSince, changedAt);
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Optional<String> callId() {
        return Optional.ofNullable(callId);
    }
}
