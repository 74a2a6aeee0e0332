package org.calldesk.domain.model.agent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An agent's CTI status, as in the agent status table of the design: only {@link #READY} agents
 * are offered calls. {@link #canChangeTo} is that table; every change of an agent goes through
 * it, so a change the table does not allow is refused before anything changes.
 */
public enum AgentStatus {
    /** Not logged in to CTI. */
    LOGGED_OUT,
    /** The base status after CTI login; no calls are offered. */
    REST,
    /** Calls are offered. */
    READY,
    /** Busy with something else (see {@link BusinessReason}); no calls are offered. */
    BUSINESS,
    /** An inbound call is offered and waits for Confirm or Cancel. */
    ALERTING,
    /** An outbound call is being placed. */
    DIALING,
    TALKING,
    /** The customer is on hold, hearing music. */
    HOLDING,
    /** The call ended; the finish-call prompt is open. */
    AFTER_CALL;

    private static final Map<AgentStatus, Set<AgentStatus>> NEXT = new EnumMap<>(AgentStatus.class);

    static {
        NEXT.put(LOGGED_OUT, EnumSet.of(REST));
        NEXT.put(REST, EnumSet.of(READY, BUSINESS, DIALING, LOGGED_OUT));
        // TALKING: a Ready agent is the target of a transfer try
        NEXT.put(READY, EnumSet.of(REST, BUSINESS, ALERTING, DIALING, TALKING, LOGGED_OUT));
        // BUSINESS to BUSINESS: another reason
        NEXT.put(BUSINESS, EnumSet.of(REST, READY, BUSINESS, DIALING, LOGGED_OUT));
        // REST: Cancel or no answer in time; READY: the caller hung up during the offer
        NEXT.put(ALERTING, EnumSet.of(TALKING, REST, READY));
        // back to the status held before dialling when the customer does not answer
        NEXT.put(DIALING, EnumSet.of(TALKING, REST, READY, BUSINESS));
        // READY: the target of a transfer try goes back when the try is cancelled or fails
        NEXT.put(TALKING, EnumSet.of(HOLDING, AFTER_CALL, READY));
        NEXT.put(HOLDING, EnumSet.of(TALKING, AFTER_CALL));
        // the finish-call prompt: Confirm -> READY, Cancel -> BUSINESS (Ticket)
        NEXT.put(AFTER_CALL, EnumSet.of(READY, BUSINESS));
    }

    /** Whether the status table allows going from this status to {@code next}. */
    public boolean canChangeTo(AgentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<AgentStatus> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    /** Whether calls may be offered in this status. */
    public boolean isRoutable() {
        return this == READY;
    }

    /** The statuses an agent chooses on the CTI screen. */
    public boolean isChoosable() {
        return this == REST || this == READY || this == BUSINESS;
    }

    /** Whether the agent is busy with a call (offered, dialling, talking, holding or finishing it). */
    public boolean isOnCall() {
        return this == ALERTING || this == DIALING || this == TALKING || this == HOLDING || this == AFTER_CALL;
    }
}
