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
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.shared.TransitionRefused;

/**
 * One customer call as the contact center sees it: who called which service number, where the
 * call stands and how it ended. It is identified by our own id and carries the PBX's id of the
 * call, by which the PBX's events find it.
 *
 * <p>Every change increments {@link #sequence()}, the number consumers of call events use to
 * put a call's events in order and to drop ones they have seen. Changes asked for by agents
 * are refused with {@link TransitionRefused} where the call does not allow them; changes the PBX
 * reports are applied only once, so a repeated or late report changes nothing. The version
 * column makes concurrent changes of one call (two Confirms, two offers) fail all but one.
 */
@Entity
@Table(name = "call_record")
public class Call {

    /** Marks the PBX id of a dial-up not placed yet; unique, so the column stays unique. */
    public static final String PENDING_PBX_CALL_ID_PREFIX = "pending:";
    /** The end cause when the PBX shut down and took the call with it: no caller abandoned it. */
    static final String PBX_SHUTDOWN = "PBX_SHUTDOWN";

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

    /** The caller's place in the queue ({@link QueuePlace}); waiting calls are offered in its order. */
    @Column(name = "queue_place", nullable = false)
    private long queuePlace;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_cause", length = 32)
    private String endCause;

    @Column(name = "service_id", length = 36)
    private String serviceId;

    @Column(name = "agent_id", length = 64)
    private String agentId;

    @Column(name = "consult_agent_id", length = 64)
    private String consultAgentId;

    @Column(name = "sending_number", length = 32)
    private String sendingNumber;

    @Column(name = "offered_at")
    private Instant offeredAt;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    @Column(name = "connected_at")
    private Instant connectedAt;

    @Column(name = "disconnected_by", length = 64)
    private String disconnectedBy;

    @Column(name = "ticket_id", length = 36)
    private String ticketId;

    @Column(name = "customer_id", length = 128)
    private String customerId;

    @Column(name = "customer_name", length = 200)
    private String customerName;

    @Column(name = "customer_company", length = 200)
    private String customerCompany;

    @Column(name = "customer_url", length = 1000)
    private String customerUrl;

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
        this.queuePlace = QueuePlace.of(pbxCallId, startedAt);
        this.sequence = 1;
    }

    /** A customer called a service number and waits for an agent. */
    public static Call arrived(String pbxCallId, String customerNumber, String serviceNumber, Instant at) {
        return new Call(pbxCallId, CallDirection.INBOUND, CallStatus.WAITING, customerNumber,
                Objects.requireNonNull(serviceNumber, "serviceNumber is required"), at);
    }

    /** A customer called the number of a known service and waits for one of its agents. */
    public static Call arrivedFor(String serviceId, String pbxCallId, String customerNumber, String serviceNumber,
                                  Instant at) {
        Call call = arrived(pbxCallId, customerNumber, serviceNumber, at);
        call.serviceId = Objects.requireNonNull(serviceId, "serviceId is required");
        return call;
    }

    /** Dial up: an agent calls a customer for a service, presenting one of its sending numbers. */
    public static Call dialled(String pbxCallId, String serviceId, String agentId, String customerNumber,
                               String sendingNumber, Instant at) {
        Call call = new Call(pbxCallId, CallDirection.OUTBOUND, CallStatus.DIALING, customerNumber, null, at);
        call.serviceId = Objects.requireNonNull(serviceId, "serviceId is required");
        call.agentId = Objects.requireNonNull(agentId, "agentId is required");
        call.sendingNumber = Objects.requireNonNull(sendingNumber, "sendingNumber is required");
        return call;
    }

    /**
     * The PBX placed the dial-up under its own id.
     *
     * @return whether this changed the call (not when it was known already)
     */
    public boolean bindPbxCallId(String pbxCallId) {
        Objects.requireNonNull(pbxCallId, "pbxCallId is required");
        if (!awaitsPbxCallId()) {
            return false;
        }
        this.pbxCallId = pbxCallId;
        sequence++;
        return true;
    }

    /** A dial-up whose PBX id is not known yet. */
    public boolean awaitsPbxCallId() {
        return pbxCallId.startsWith(PENDING_PBX_CALL_ID_PREFIX);
    }

    /** Routing offers the waiting call to one agent, who has until {@code expiresAt} to Confirm. */
    public void offerTo(String agentId, Instant expiresAt, Instant at) {
        Objects.requireNonNull(agentId, "agentId is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        Objects.requireNonNull(at, "at is required");
        if (status != CallStatus.WAITING) {
            throw new TransitionRefused("CALL_NOT_WAITING", "call " + id + " is not waiting (" + status + ")");
        }
        status = CallStatus.OFFERED;
        this.agentId = agentId;
        offeredAt = at;
        offerExpiresAt = expiresAt;
        sequence++;
    }

    /**
     * Confirm: the offered agent takes the call and the PBX rings their phone. The call is
     * connected, with its ticket, when the agent's leg answers ({@link #connected}).
     */
    public void confirmOffer(String agentId, Instant at) {
        requireOffered(agentId);
        Objects.requireNonNull(at, "at is required");
        status = CallStatus.CONNECTING;
        offerExpiresAt = null;
        sequence++;
    }

    /**
     * The agent's phone answered and the PBX bridged it with the caller: the call is Talking and
     * its ticket is {@code ticketId}.
     *
     * @return whether this changed the call (not for a repeated report)
     */
    public boolean connected(String ticketId, Instant at) {
        if (status != CallStatus.CONNECTING) {
            return false;
        }
        status = CallStatus.TALKING;
        this.ticketId = Objects.requireNonNull(ticketId, "ticketId is required");
        connectedAt = Objects.requireNonNull(at, "at is required");
        sequence++;
        return true;
    }

    /**
     * The agent's phone did not take the call (busy, no answer, not reachable): the caller, still
     * waiting on the PBX, goes back to routing with its place in the queue (which is by arrival).
     *
     * @return whether this changed the call (not for a repeated or late report)
     */
    public boolean connectFailed() {
        if (status != CallStatus.CONNECTING) {
            return false;
        }
        status = CallStatus.WAITING;
        agentId = null;
        offeredAt = null;
        sequence++;
        return true;
    }

    /**
     * Cancel on the alert, or no Confirm in time: the call goes back to routing, keeping its
     * place in the queue (which is by arrival).
     */
    public void returnToQueue(String agentId) {
        requireOffered(agentId);
        status = CallStatus.WAITING;
        this.agentId = null;
        offeredAt = null;
        offerExpiresAt = null;
        sequence++;
    }

    /**
     * The PBX has the caller of this connected call waiting in the queue's context again, and no
     * agent leg: the conversation is over for the agent, and the caller goes back to routing with
     * its place in the queue (which is by arrival). Its ticket and when it was first connected
     * stay: a second connection goes on with the same ticket.
     *
     * @return whether this changed the call (not when it is not connected)
     */
    public boolean callerBackInQueue() {
        if (status != CallStatus.TALKING && status != CallStatus.HOLDING) {
            return false;
        }
        status = CallStatus.WAITING;
        agentId = null;
        offeredAt = null;
        offerExpiresAt = null;
        sequence++;
        return true;
    }

    /** Whether the offer is open and its time to Confirm has run out. */
    public boolean offerExpired(Instant now) {
        return status == CallStatus.OFFERED && offerExpiresAt != null && !now.isBefore(offerExpiresAt);
    }

    /**
     * The dialled customer answered; the call's ticket is {@code ticketId}.
     *
     * @return whether this changed the call (not for a repeated report)
     */
    public boolean answered(String ticketId, Instant at) {
        if (status != CallStatus.DIALING) {
            return false;
        }
        status = CallStatus.TALKING;
        this.ticketId = Objects.requireNonNull(ticketId, "ticketId is required");
        connectedAt = Objects.requireNonNull(at, "at is required");
        sequence++;
        return true;
    }

    /** @return whether this changed the call (not when already holding) */
    public boolean hold() {
        if (status == CallStatus.HOLDING) {
            return false;
        }
        requireStatus(CallStatus.TALKING, "hold");
        status = CallStatus.HOLDING;
        sequence++;
        return true;
    }

    /** @return whether this changed the call (not when already talking) */
    public boolean retrieve() {
        if (status == CallStatus.TALKING) {
            return false;
        }
        requireStatus(CallStatus.HOLDING, "retrieve");
        status = CallStatus.TALKING;
        sequence++;
        return true;
    }

    /** Transfer try: the customer is held while the agent talks with {@code targetAgentId}. */
    public void startConsultation(String targetAgentId) {
        Objects.requireNonNull(targetAgentId, "targetAgentId is required");
        requireStatus(CallStatus.TALKING, "transfer");
        if (targetAgentId.equals(agentId)) {
            throw new TransitionRefused("TRANSFER_TO_SELF", "a call cannot be transferred to the agent who has it");
        }
        status = CallStatus.CONSULTING;
        consultAgentId = targetAgentId;
        sequence++;
    }

    /**
     * Transfer cancel, or the target could not be reached: back to the caller.
     *
     * @return whether this changed the call
     */
    public boolean endConsultation() {
        if (status != CallStatus.CONSULTING) {
            return false;
        }
        status = CallStatus.TALKING;
        consultAgentId = null;
        sequence++;
        return true;
    }

    /**
     * The transfer target could not be reached: the customer stays on hold for the first agent.
     *
     * @return whether this changed the call
     */
    public boolean consultationFailed() {
        if (status != CallStatus.CONSULTING) {
            return false;
        }
        status = CallStatus.HOLDING;
        consultAgentId = null;
        sequence++;
        return true;
    }

    /**
     * The agent who had the call hung up during a transfer try that then failed: nobody has the
     * caller, who is still on the PBX and waits again, with their place in the queue (by
     * arrival) and their ticket, for the next agent.
     *
     * @return whether this changed the call (not for a repeated or late report)
     */
    public boolean requeue() {
        if (status != CallStatus.HOLDING && status != CallStatus.CONSULTING) {
            return false;
        }
        status = CallStatus.WAITING;
        agentId = null;
        consultAgentId = null;
        offeredAt = null;
        offerExpiresAt = null;
        sequence++;
        return true;
    }

    /** Transfer connect: the consulted agent now has the caller (and the ticket). */
    public void completeTransfer() {
        requireStatus(CallStatus.CONSULTING, "connect a transfer");
        status = CallStatus.TALKING;
        agentId = consultAgentId;
        consultAgentId = null;
        sequence++;
    }

    /**
     * Disconnect: the agent ends the call of an abusive caller with an announcement. Who did it
     * is kept; the time is the call's end.
     */
    public void disconnect(String by, Instant at) {
        Objects.requireNonNull(by, "by is required");
        requireConnected("disconnect");
        disconnectedBy = by;
        end("DISCONNECTED", at);
    }

    /** Hang up by the agent; a Dial up may be abandoned before the customer answers. */
    public void hangUp(Instant at) {
        if (status != CallStatus.DIALING) {
            requireConnected("hang up");
        }
        end("AGENT_HANGUP", at);
    }

    /**
     * The PBX reports the call over. A caller who hangs up before being connected abandoned
     * the call (not when the PBX shut down).
     *
     * @return whether this changed the call
     */
    public boolean endReported(String cause, Instant at) {
        boolean abandoned = direction == CallDirection.INBOUND && !PBX_SHUTDOWN.equals(cause)
                && (status == CallStatus.WAITING || status == CallStatus.OFFERED || status == CallStatus.CONNECTING);
        return end(abandoned ? "ABANDONED" : cause, at);
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

    /**
     * The CRM knows the caller (screen pop). The lookup runs beside routing, so it may finish
     * at any point of the call; the card of an ended call is kept too.
     *
     * @return whether this changed the call (not for the same card again)
     */
    public boolean identifyCustomer(Customer customer) {
        Objects.requireNonNull(customer, "customer is required");
        if (customer().filter(customer::equals).isPresent()) {
            return false;
        }
        customerId = customer.id();
        customerName = customer.name();
        customerCompany = customer.company();
        customerUrl = customer.url();
        sequence++;
        return true;
    }

    public boolean isHandledBy(String agentId) {
        return agentId != null && (agentId.equals(this.agentId) || agentId.equals(consultAgentId));
    }

    private void requireOffered(String agentId) {
        Objects.requireNonNull(agentId, "agentId is required");
        if (status != CallStatus.OFFERED || !agentId.equals(this.agentId)) {
            throw new TransitionRefused("CALL_NOT_OFFERED", "call " + id + " is not offered to " + agentId
                    + " (" + status + ")");
        }
    }

    private void requireConnected(String action) {
        requireNotConnecting(action);
        if (status != CallStatus.TALKING && status != CallStatus.HOLDING && status != CallStatus.CONSULTING) {
            throw new TransitionRefused("CALL_NOT_CONNECTED", "cannot " + action + " call " + id + " while " + status);
        }
    }

    private void requireNotConnecting(String action) {
        if (status == CallStatus.CONNECTING) {
            throw new TransitionRefused("CALL_CONNECTING", "cannot " + action + " call " + id
                    + " yet: the agent's phone is still ringing");
        }
    }

    private void requireStatus(CallStatus expected, String action) {
        requireNotConnecting(action);
        if (status != expected) {
            throw new TransitionRefused("CALL_STATUS", "cannot " + action + " call " + id + " while " + status);
        }
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

    /** The caller's place in the queue: waiting calls are offered in this order ({@link QueuePlace}). */
    public long queuePlace() {
        return queuePlace;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<String> endCause() {
        return Optional.ofNullable(endCause);
    }

    public Optional<String> serviceId() {
        return Optional.ofNullable(serviceId);
    }

    /** The agent the call is offered to, being dialled by, or talking with. */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    /** The target of a transfer try in progress. */
    public Optional<String> consultAgentId() {
        return Optional.ofNullable(consultAgentId);
    }

    public Optional<String> sendingNumber() {
        return Optional.ofNullable(sendingNumber);
    }

    public Optional<Instant> offeredAt() {
        return Optional.ofNullable(offeredAt);
    }

    public Optional<Instant> offerExpiresAt() {
        return Optional.ofNullable(offerExpiresAt);
    }

    public Optional<Instant> connectedAt() {
        return Optional.ofNullable(connectedAt);
    }

    public Optional<String> disconnectedBy() {
        return Optional.ofNullable(disconnectedBy);
    }

    public Optional<String> ticketId() {
        return Optional.ofNullable(ticketId);
    }

    /** The caller as the CRM knows them, once the screen pop found them. */
    public Optional<Customer> customer() {
        return customerId == null ? Optional.empty()
                : Optional.of(new Customer(customerId, customerName, customerCompany, customerUrl));
    }

    public long sequence() {
        return sequence;
    }
}
