package org.calldesk.connector.api;

/** Why a call (or a consultation leg) ended, as far as the contact center cares. */
public enum EndCause {
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
