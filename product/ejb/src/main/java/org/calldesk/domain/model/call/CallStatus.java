package org.calldesk.domain.model.call;

/** Where a call stands, from the contact center's point of view. */
public enum CallStatus {
    /** The customer waits, with music, for a Ready agent. */
    WAITING,
    /** Offered to one agent, whose console shows the alert. */
    OFFERED,
    /**
     * Inbound: the agent confirmed and their phone rings; the call is connected (Talking, with its
     * ticket) once the agent's leg answers and meets the caller on the PBX.
     */
    CONNECTING,
    /** Outbound: being placed. */
    DIALING,
    TALKING,
    HOLDING,
    /** Transfer try: the customer is held while two agents talk. */
    CONSULTING,
    ENDED;

    public boolean isActive() {
        return this != ENDED;
    }
}
