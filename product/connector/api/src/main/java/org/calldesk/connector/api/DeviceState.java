package org.calldesk.connector.api;

/**
 * The state of an agent's phone as the PBX reports it. Mirrors Asterisk's device states, named
 * for what they mean to a contact center.
 */
public enum DeviceState {
    /** Registered and idle: can take a call. */
    NOT_IN_USE,
    IN_USE,
    BUSY,
    RINGING,
    RINGING_IN_USE,
    ON_HOLD,
    /** Known to the PBX but not registered (phone off or unreachable). */
    UNAVAILABLE,
    /** The PBX does not know the device at all. */
    INVALID,
    UNKNOWN;

    /** Whether an agent may log in to CTI with this phone. */
    public boolean isAvailable() {
        return this == NOT_IN_USE;
    }

    public boolean isReachable() {
        return this != UNAVAILABLE && this != INVALID && this != UNKNOWN;
    }
}
