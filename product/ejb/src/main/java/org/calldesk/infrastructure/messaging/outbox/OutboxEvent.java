package org.calldesk.infrastructure.messaging.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.calldesk.infrastructure.messaging.jms.JmsSender;

/**
 * One event for the events topic, kept in the database by the transaction of the change it
 * reports (the transactional outbox), until it is published. It exists exactly if the change
 * committed.
 */
@Entity
@Table(name = "event_outbox")
public class OutboxEvent {

    /**
     * Random, given by the application: ids from a database sequence made every transaction that
     * took a new block of them hold the sequence's lock until its commit, and the others wait
     * (under load, much of the application's time went into that wait).
     */
    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "subject_kind", nullable = false, length = 16)
    private String subjectKind;

    @Column(name = "subject_id", nullable = false, length = 64)
    private String subjectId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(name = "body", nullable = false, length = 1000000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxEvent() {
        // for JPA
    }

    /**
     * @param subjectKind {@code call}, {@code agent} or {@code ticket}
     * @param body        the event's JSON
     */
    public OutboxEvent(String subjectKind, String subjectId, String eventType, String body, Instant createdAt) {
        this.subjectKind = Objects.requireNonNull(subjectKind, "subjectKind is required");
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId is required");
        this.eventType = Objects.requireNonNull(eventType, "eventType is required");
        this.body = Objects.requireNonNull(body, "body is required");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
        this.id = UUID.randomUUID().toString();
    }

    public String id() {
        return id;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * The message properties subscribers select on: {@code type} (the subject's kind),
     * {@code eventType}, {@code subjectId}; the subject as message group so one subject's events
     * stay in order; and the event's own id for the broker's duplicate detection, so an event
     * published twice (its row outlived the publishing, see {@link EventRelay}) reaches
     * subscribers once.
     */
    public Map<String, String> properties() {
        return Map.of("type", subjectKind, "eventType", eventType, "subjectId", subjectId,
                "JMSXGroupID", subjectKind + ":" + subjectId, JmsSender.DUPLICATE_ID, "calldesk-event-" + id);
    }

    @Override
    public String toString() {
        return "OutboxEvent[" + id + " " + eventType + " " + subjectKind + ":" + subjectId + "]";
    }
}
