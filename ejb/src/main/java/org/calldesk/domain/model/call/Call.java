package org.calldesk.domain.model.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One customer call as the contact center sees it: who called which service number, where the
 * call stands and how it ended. It is identified by our own id and carries the PBX's id of the
 * call, by which the PBX's events find it.
 *
 * <p>Every change increments {@link #sequence()}, the number consumers of call events use to
 * put a call's events in order and to drop ones they have seen.
 */
@Entity
@Table(name = "call_record")
public class Call {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "pbx_call_id", nullable = false, unique = true, length = 128)
    private String pbxCallId;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 16)
    private CallDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private CallStatus status;

    @Column(name = "customer_number", nullable = false, length = 64)
    private String customerNumber;

    @Column(name = "service_number", length = 64)
    private String serviceNumber;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_cause", length = 32)
    private String endCause;

    @Column(name = "sequence", nullable = false)
    private long sequence;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Call() {
        // for JPA
    }

    private Call(String pbxCallId, CallDirection direction, CallStatus status, String customerNumber,
                 String serviceNumber, Instant startedAt) {
        this.id = UUID.randomUUID().toString();
        this.pbxCallId = Objects.requireNonNull(pbxCallId, "pbxCallId is required");
        this.direction = Objects.requireNonNull(direction, "direction is required");
        this.status = Objects.requireNonNull(status, "status is required");
        this.customerNumber = Objects.requireNonNull(customerNumber, "customerNumber is required");
        this.serviceNumber = serviceNumber;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt is required");
        this.sequence = 1;
    }

    /** A customer called a service number and waits for an agent. */
    public static Call arrived(String pbxCallId, String customerNumber, String serviceNumber, Instant at) {
        return new Call(pbxCallId, CallDirection.INBOUND, CallStatus.WAITING, customerNumber,
                Objects.requireNonNull(serviceNumber, "serviceNumber is required"), at);
    }

    /**
     * The call is over. Ending an ended call changes nothing, so a repeated or late report from
     * the PBX is harmless.
     *
     * @return whether this changed the call
     */
    public boolean end(String cause, Instant at) {
        Objects.requireNonNull(cause, "cause is required");
        Objects.requireNonNull(at, "at is required");
        if (status == CallStatus.ENDED) {
            return false;
        }
        status = CallStatus.ENDED;
        endCause = cause;
        endedAt = at;
        sequence++;
        return true;
    }

    public String id() {
        return id;
    }

    public String pbxCallId() {
        return pbxCallId;
    }

    public CallDirection direction() {
        return direction;
    }

    public CallStatus status() {
        return status;
    }

    public String customerNumber() {
        return customerNumber;
    }

    public Optional<String> serviceNumber() {
        return Optional.ofNullable(serviceNumber);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<String> endCause() {
        return Optional.ofNullable(endCause);
    }

    public long sequence() {
        return sequence;
    }
}
