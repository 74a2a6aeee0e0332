package org.calldesk.application.pbx;

import java.util.Objects;

/**
 * The PBX did not carry out a request: why, classified so the application can answer the agent or
 * client, with the PBX's own words as the message.
 */
public class PbxRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the PBX did not carry the request out. */
    public enum Reason {
        /** No session with the PBX: it is down, unreachable, or refused our credentials. */
        PBX_UNREACHABLE,
        /** The phone is unknown to the PBX, not registered, or not idle. */
        PHONE_UNAVAILABLE,
        /** The PBX has no such call (it ended, or never existed). */
        UNKNOWN_CALL,
        /** The PBX answered the request with an error of its own. */
        REFUSED
    }

    private final Reason reason;

    /**
     * @param pbxText what the PBX (or the adapter on its behalf) said, the message
     * @param cause   the adapter's own failure, for the log; may be {@code null}
     */
    public PbxRefusal(Reason reason, String pbxText, Throwable cause) {
        super(pbxText, cause);
        this.reason = Objects.requireNonNull(reason, "reason is required");
    }

    public Reason reason() {
        return reason;
    }
}
