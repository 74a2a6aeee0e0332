package org.calldesk.application;

/**
 * The stable, machine-readable reason of a {@link RequestRefused}: what REST clients read as a
 * problem's {@code code} and the console branches on. The names are the wire values; rename none.
 * The domain's own refusals ({@code TransitionRefused}) carry the names of the codes marked so.
 */
public enum RefusalCode {
    // the request itself
    /** Malformed, or a value that does not fit. */
    BAD_INPUT,
    BAD_CUSTOMER_NUMBER,
    UNKNOWN_SENDING_NUMBER,
    NOT_IN_SERVICE,

    // who may do it
    /** Another agent's call, status or ticket. */
    NOT_YOURS,
    ADMIN_ONLY,

    // what does not exist ({@link RequestRefused#notFound})
    UNKNOWN_AGENT,
    UNKNOWN_CALL,
    UNKNOWN_SERVICE,
    UNKNOWN_TICKET,
    UNKNOWN_API_KEY,
    /** Not registered in CTI Agent Management: the agent cannot log in to CTI. */
    NOT_REGISTERED,

    // CTI set-up
    SERVICE_EXISTS,
    AGENT_EXISTS,
    NUMBER_TAKEN,
    AGENT_NUMBER_TAKEN,
    DEVICE_TAKEN,
    CALLS_DISABLED,

    // where an agent or call stands (the domain's refusals among them)
    /** The domain's: a phone changes only while its agent is logged out. */
    AGENT_LOGGED_IN,
    /** The domain's, and CTI login's. */
    ALREADY_LOGGED_IN,
    /** The domain's. */
    AGENT_NOT_READY,
    /** The domain's. */
    NOT_LOGGED_IN,
    /** The domain's. */
    NOT_AFTER_CALL,
    /** The domain's. */
    STATUS_TRANSITION_REFUSED,
    /** The domain's. */
    NOT_ON_THIS_CALL,
    /** The domain's. */
    TARGET_NOT_READY,
    /** The domain's. */
    TRANSFER_TO_SELF,
    /** The domain's. */
    CALL_NOT_WAITING,
    /** The domain's, and Confirm's. */
    CALL_NOT_OFFERED,
    /** The domain's, and of a call without an agent. */
    CALL_NOT_CONNECTED,
    /** The domain's, and transfer try's. */
    CALL_CONNECTING,
    /** The domain's, and transfer try's. */
    CALL_STATUS,
    NO_TRANSFER_TRY,
    /** The console's: the agent has no call right now. */
    NO_CALL,
    /** Someone changed the same agent or call at the same time; the client may try again. */
    CONCURRENT_CHANGE,

    // the PBX ({@link RequestRefused#byPbx})
    PBX_DOWN,
    PHONE_UNAVAILABLE,
    CALL_GONE,
    PBX_REFUSED
}
