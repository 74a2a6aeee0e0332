package org.calldesk.domain.model.agent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.calldesk.domain.shared.TransitionRefused;

/**
 * A CTI agent: the CTI information of one sign-in account (CTI Agent Management: name, agent
 * number, phone device, the services they serve) and the agent's live status. The id is the
 * account's login id, which is how a signed-in user finds their own agent.
 *
 * <p>The status only changes through the intent methods below, each checked against the status
 * table ({@link AgentStatus#canChangeTo}); a refused change throws {@link TransitionRefused}
 * and changes nothing. Every change is recorded as an {@link AgentStatusChange} for the status
 * history, and increments {@link #sequence()} for the consumers of agent events. Concurrent
 * changes (two offers at once, for example) are caught by the version column: one wins, the
 * other's transaction fails.
 */
@Entity
@Table(name = "cti_agent")
public class Agent {

    public static final Pattern AGENT_NUMBER = Pattern.compile("[0-9]{2,16}");

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "agent_number", nullable = false, length = 16)
    private String agentNumber;

    @Column(name = "device", nullable = false, length = 64)
    private String device;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private AgentRole role;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_service", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "service_id", length = 36)
    private Set<String> serviceIds = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AgentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_reason", length = 16)
    private BusinessReason businessReason;

    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    @Column(name = "call_id", length = 36)
    private String callId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_call", length = 16)
    private AgentStatus statusBeforeCall;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_before_call", length = 16)
    private BusinessReason reasonBeforeCall;

    @Column(name = "sequence", nullable = false)
    private long sequence;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Transient
    private List<AgentStatusChange> unrecordedChanges;

    protected Agent() {
        // for JPA
    }

    /** CTI Agent Management: register the CTI information of an account; the agent starts logged out. */
    public Agent(String loginId, String name, String agentNumber, String device, AgentRole role,
                 Set<String> serviceIds, Instant at) {
        this.id = requireText(loginId, "loginId");
        changeRegistration(name, agentNumber, device, role, serviceIds);
        this.status = AgentStatus.LOGGED_OUT;
        this.statusSince = Objects.requireNonNull(at, "at is required");
        this.sequence = 1;
    }

    /** CTI Agent Management: change what is registered; the phone only while logged out. */
    public void changeRegistration(String name, String agentNumber, String device, AgentRole role,
                                   Set<String> serviceIds) {
        requireText(device, "device");
        if (device.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the device must not contain spaces, e.g. PJSIP/1001");
        }
        if (this.device != null && !this.device.equals(device) && status != AgentStatus.LOGGED_OUT) {
            throw new TransitionRefused("AGENT_LOGGED_IN", "the phone of " + id + " can only change while logged out");
        }
        Objects.requireNonNull(agentNumber, "agentNumber is required");
        if (!AGENT_NUMBER.matcher(agentNumber).matches()) {
            throw new IllegalArgumentException("the agent number must be 2 to 16 digits, not '" + agentNumber + "'");
        }
        this.name = requireText(name, "name");
        this.agentNumber = agentNumber;
        this.device = device;
        this.role = Objects.requireNonNull(role, "role is required");
        this.serviceIds.clear();
        this.serviceIds.addAll(Objects.requireNonNull(serviceIds, "serviceIds is required"));
        if (status != null) {
            sequence++;
        }
    }

    /** CTI login: the agent starts in the base status, Rest. */
    public void logIn(Instant at) {
        if (status != AgentStatus.LOGGED_OUT) {
            throw new TransitionRefused("ALREADY_LOGGED_IN", name + " is already logged in to CTI (" + describe() + ")");
        }
        moveTo(AgentStatus.REST, null, null, at);
    }

    public void logOut(Instant at) {
        if (status == AgentStatus.LOGGED_OUT) {
            throw new TransitionRefused("NOT_LOGGED_IN", name + " is not logged in to CTI");
        }
        requireTransition(AgentStatus.LOGGED_OUT);
        moveTo(AgentStatus.LOGGED_OUT, null, null, at);
    }

    /**
     * The agent chooses Rest, Ready or Business (with its reason) on the CTI screen. Choosing the
     * status the agent is already in changes nothing.
     *
     * @return whether the status changed
     */
    public boolean choose(AgentStatus next, BusinessReason reason, Instant at) {
        Objects.requireNonNull(next, "next is required");
        if (!next.isChoosable()) {
            throw new IllegalArgumentException("an agent chooses REST, READY or BUSINESS, not " + next);
        }
        if (next == AgentStatus.BUSINESS && reason == null) {
            throw new IllegalArgumentException("BUSINESS needs a reason: " + List.of(BusinessReason.values()));
        }
        if (next != AgentStatus.BUSINESS && reason != null) {
            throw new IllegalArgumentException("only BUSINESS takes a reason");
        }
        if (status == AgentStatus.LOGGED_OUT) {
            throw new TransitionRefused("NOT_LOGGED_IN", name + " must log in to CTI first");
        }
        if (!status.isChoosable()) {
            throw refused(next, "finish the call first");
        }
        if (status == next && businessReason == reason) {
            return false;
        }
        requireTransition(next);
        moveTo(next, reason, null, at);
        return true;
    }

    /** An inbound call is offered to this Ready agent. */
    public void offer(String callId, Instant at) {
        Objects.requireNonNull(callId, "callId is required");
        if (status != AgentStatus.READY) {
            throw new TransitionRefused("AGENT_NOT_READY", name + " is not Ready (" + describe() + ")");
        }
        moveTo(AgentStatus.ALERTING, null, callId, at);
    }

    /** Confirm on the inbound alert: the agent talks with the caller. */
    public void acceptOffer(String callId, Instant at) {
        requireOnCall(callId, AgentStatus.ALERTING);
        moveTo(AgentStatus.TALKING, null, callId, at);
    }

    /** Cancel on the inbound alert, or no answer within the offer timeout: the agent leaves Ready. */
    public void declineOffer(String callId, Instant at) {
        requireOnCall(callId, AgentStatus.ALERTING);
        moveTo(AgentStatus.REST, null, null, at);
    }

    /**
     * The caller hung up while the call was offered to this agent, who is Ready again.
     *
     * @return whether this changed the agent (not when the offer was already over)
     */
    public boolean offerWithdrawn(String callId, Instant at) {
        if (status != AgentStatus.ALERTING || !Objects.equals(this.callId, callId)) {
            return false;
        }
        moveTo(AgentStatus.READY, null, null, at);
        return true;
    }

    /** Dial up: the agent places an outbound call; the status before is kept to go back to if it fails. */
    public void startDialing(String callId, Instant at) {
        Objects.requireNonNull(callId, "callId is required");
        if (status == AgentStatus.LOGGED_OUT) {
            throw new TransitionRefused("NOT_LOGGED_IN", name + " must log in to CTI first");
        }
        if (!status.isChoosable()) {
            throw refused(AgentStatus.DIALING, "finish the call first");
        }
        AgentStatus before = status;
        BusinessReason reasonBefore = businessReason;
        moveTo(AgentStatus.DIALING, null, callId, at);
        statusBeforeCall = before;
        reasonBeforeCall = reasonBefore;
    }

    /** @return whether this changed the agent (not for a repeated report) */
    public boolean dialAnswered(String callId, Instant at) {
        if (status != AgentStatus.DIALING || !Objects.equals(this.callId, callId)) {
            return false;
        }
        moveTo(AgentStatus.TALKING, null, callId, at);
        return true;
    }

    /**
     * The customer was busy, did not answer or could not be reached: back to the status before.
     *
     * @return whether this changed the agent
     */
    public boolean dialFailed(String callId, Instant at) {
        if (status != AgentStatus.DIALING || !Objects.equals(this.callId, callId)) {
            return false;
        }
        returnToStatusBeforeCall(at);
        return true;
    }

    /** @return whether this changed the agent (not when already holding) */
    public boolean hold(String callId, Instant at) {
        if (status == AgentStatus.HOLDING && Objects.equals(this.callId, callId)) {
            return false;
        }
        requireOnCall(callId, AgentStatus.TALKING);
        moveTo(AgentStatus.HOLDING, null, callId, at);
        return true;
    }

    /** @return whether this changed the agent (not when already talking) */
    public boolean retrieve(String callId, Instant at) {
        if (status == AgentStatus.TALKING && Objects.equals(this.callId, callId)) {
            return false;
        }
        requireOnCall(callId, AgentStatus.HOLDING);
        moveTo(AgentStatus.TALKING, null, callId, at);
        return true;
    }

    /** Transfer try: this Ready agent is rung to talk with the agent who has the call. */
    public void joinConsultation(String callId, Instant at) {
        Objects.requireNonNull(callId, "callId is required");
        if (status != AgentStatus.READY) {
            throw new TransitionRefused("TARGET_NOT_READY", name + " is not Ready (" + describe() + ")");
        }
        moveTo(AgentStatus.TALKING, null, callId, at);
        statusBeforeCall = AgentStatus.READY;
        reasonBeforeCall = null;
    }

    /**
     * The transfer try was cancelled or did not reach this agent, who goes back to Ready.
     *
     * @return whether this changed the agent
     */
    public boolean leaveConsultation(String callId, Instant at) {
        if (status != AgentStatus.TALKING || !Objects.equals(this.callId, callId)) {
            return false;
        }
        returnToStatusBeforeCall(at);
        return true;
    }

    /**
     * The call is over for this agent (the customer or the agent hung up, Disconnect, or the
     * call was handed over): the finish-call prompt opens.
     *
     * @return whether this changed the agent (not for a repeated report)
     */
    public boolean callEnded(String callId, Instant at) {
        if (!Objects.equals(this.callId, callId)
                || (status != AgentStatus.TALKING && status != AgentStatus.HOLDING)) {
            return false;
        }
        moveTo(AgentStatus.AFTER_CALL, null, callId, at);
        return true;
    }

    /** The finish-call prompt: Confirm leads to Ready, Cancel to Business: Ticket. */
    public void finishCall(boolean confirm, Instant at) {
        if (status != AgentStatus.AFTER_CALL) {
            throw new TransitionRefused("NOT_AFTER_CALL", "there is no finished call to confirm (" + describe() + ")");
        }
        if (confirm) {
            moveTo(AgentStatus.READY, null, null, at);
        } else {
            moveTo(AgentStatus.BUSINESS, BusinessReason.TICKET, null, at);
        }
    }

    /** The status changes not yet written to the status history; taking them empties the list. */
    public List<AgentStatusChange> takeUnrecordedChanges() {
        if (unrecordedChanges == null || unrecordedChanges.isEmpty()) {
            return List.of();
        }
        List<AgentStatusChange> changes = List.copyOf(unrecordedChanges);
        unrecordedChanges.clear();
        return changes;
    }

    /** Whether this agent's console shows the alert of that call now. */
    public boolean isAlertedWith(String callId) {
        return status == AgentStatus.ALERTING && Objects.equals(this.callId, callId);
    }

    public boolean serves(String serviceId) {
        return serviceIds.contains(serviceId);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String agentNumber() {
        return agentNumber;
    }

    public String device() {
        return device;
    }

    public AgentRole role() {
        return role;
    }

    public Set<String> serviceIds() {
        return Collections.unmodifiableSet(new TreeSet<>(serviceIds));
    }

    public AgentStatus status() {
        return status;
    }

    public Optional<BusinessReason> businessReason() {
        return Optional.ofNullable(businessReason);
    }

    public Instant statusSince() {
        return statusSince;
    }

    public Duration timeInStatus(Instant now) {
        return Duration.between(statusSince, now);
    }

    /** The call the agent is offered, dialling, talking on or finishing. */
    public Optional<String> callId() {
        return Optional.ofNullable(callId);
    }

    public long sequence() {
        return sequence;
    }

    private void returnToStatusBeforeCall(Instant at) {
        AgentStatus back = statusBeforeCall == null ? AgentStatus.REST : statusBeforeCall;
        moveTo(back, back == AgentStatus.BUSINESS ? reasonBeforeCall : null, null, at);
    }

    private void requireOnCall(String callId, AgentStatus expected) {
        Objects.requireNonNull(callId, "callId is required");
        if (!Objects.equals(this.callId, callId)) {
            throw new TransitionRefused("NOT_ON_THIS_CALL", name + " is not on call " + callId);
        }
        if (status != expected) {
            throw new TransitionRefused("STATUS_TRANSITION_REFUSED",
                    name + " is " + describe() + ", not " + label(expected, null));
        }
    }

    private void requireTransition(AgentStatus next) {
        if (!status.canChangeTo(next)) {
            throw refused(next, null);
        }
    }

    private TransitionRefused refused(AgentStatus next, String hint) {
        return new TransitionRefused("STATUS_TRANSITION_REFUSED", name + " cannot go from " + describe()
                + " to " + label(next, null) + (hint == null ? "" : ": " + hint));
    }

    private void moveTo(AgentStatus next, BusinessReason reason, String call, Instant at) {
        Objects.requireNonNull(at, "at is required");
        if (!status.canChangeTo(next)) {
            throw refused(next, null);
        }
        if (unrecordedChanges == null) {
            unrecordedChanges = new ArrayList<>();
        }
        unrecordedChanges.add(new AgentStatusChange(id, status, businessReason, statusSince, next, reason, at,
                call != null ? call : callId));
        status = next;
        businessReason = reason;
        statusSince = at;
        callId = call;
        if (!next.isOnCall() || next == AgentStatus.ALERTING) {
            statusBeforeCall = null;
            reasonBeforeCall = null;
        }
        sequence++;
    }

    private String describe() {
        return label(status, businessReason);
    }

    private static String label(AgentStatus status, BusinessReason reason) {
        String text = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return reason == null ? text : text + ": " + reason.name().toLowerCase(Locale.ROOT);
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
