package org.calldesk.infrastructure.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One ticket change waiting for the CRM, written in the transaction of the change (the
 * transactional outbox): it exists exactly if the change committed, and stays until the CRM took
 * it. Messages go out in the order of {@link #id()}; the idempotency key lets the CRM ignore one
 * it received before an answer was lost.
 */
@Entity
@Table(name = "crm_outbox")
public class CrmOutboxMessage {

    /** How a message left the outbox. */
    public enum Outcome { DELIVERED, REJECTED }

    public static final int MAX_ERROR_LENGTH = 1000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_outbox_seq")
    @SequenceGenerator(name = "crm_outbox_seq", sequenceName = "crm_outbox_seq", allocationSize = 1)
    @Column(name = "id")
    private Long id;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 200)
    private String idempotencyKey;

    @Column(name = "subject_id", nullable = false, length = 64)
    private String subjectId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(name = "payload", nullable = false, length = 1000000)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "outcome", length = 16)
    private String outcome;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    protected CrmOutboxMessage() {
        // for JPA
    }

    public CrmOutboxMessage(String idempotencyKey, String subjectId, String eventType, String payload, Instant at) {
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey is required");
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId is required");
        this.eventType = Objects.requireNonNull(eventType, "eventType is required");
        this.payload = Objects.requireNonNull(payload, "payload is required");
        this.createdAt = Objects.requireNonNull(at, "at is required");
        this.nextAttemptAt = at;
    }

    /** The CRM took it (or had it already). */
    public void delivered(Instant at) {
        attempts++;
        doneAt = at;
        outcome = Outcome.DELIVERED.name();
        lastError = null;
    }

    /** The CRM refused it for good (a client error): kept with the reason, no longer retried. */
    public void rejected(String reason, Instant at) {
        attempts++;
        doneAt = at;
        outcome = Outcome.REJECTED.name();
        lastError = clip(reason);
    }

    /** The CRM was not reachable or failed: try again later, waiting longer each time (up to a minute). */
    public void failed(String reason, Instant at) {
        attempts++;
        lastError = clip(reason);
        long seconds = Math.min(MAX_BACKOFF.getSeconds(), 1L << Math.min(attempts - 1, 6));
        nextAttemptAt = at.plusSeconds(seconds);
    }

    public boolean isDue(Instant now) {
        return doneAt == null && !now.isBefore(nextAttemptAt);
    }

    private static String clip(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    public Long id() {
        return id;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String subjectId() {
        return subjectId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<Instant> doneAt() {
        return Optional.ofNullable(doneAt);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome).map(Outcome::valueOf);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
