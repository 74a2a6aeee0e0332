package org.calldesk.application.pbx;

/**
 * Why the PBX says a call (or a transfer try's leg) ended. A call records the name of its cause,
 * so the names are stored values: rename none.
 */
public enum CallEndCause {
    /** The customer hung up. */
    CUSTOMER_HANGUP,
    /** The agent, or the application on the agent's behalf, hung up (including Disconnect). */
    AGENT_HANGUP,
    /** The called party was busy. */
    BUSY,
    /** The called party did not answer in time. */
    NO_ANSWER,
    /** The call could not be placed or was torn down by the network. */
    FAILED,
    /** The PBX shut down (or restarted) and hung up the call with every other channel. */
    PBX_SHUTDOWN
}
