package org.calldesk.application.pbx;

/** The state of an agent's phone on the PBX, as far as CTI login and routing care. */
public enum PhoneState {
    /** Registered and idle: can take a call. */
    NOT_IN_USE,
    IN_USE,
    BUSY,
    RINGING,
    RINGING_IN_USE,
    ON_HOLD,
    /** Known to the PBX but not registered (phone off or unreachable). */
    UNAVAILABLE,
    /** The PBX does not know the phone at all. */
    INVALID,
    UNKNOWN;

    /** Whether an agent may log in to CTI with this phone. */
    public boolean isAvailable() {
        return this == NOT_IN_USE;
    }
}
