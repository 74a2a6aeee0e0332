package org.calldesk.application;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A request the contact center refused, with the kind of refusal (which the REST API turns into
 * the HTTP status of a problem detail), a stable code clients can branch on, and a message an
 * agent can act on. It rolls the transaction back, so a refused request changes nothing.
 */
@ApplicationException(rollback = true)
public class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The request itself is malformed or names something that does not fit. */
        BAD_INPUT,
        /** The signed-in account may not do this (another agent's call or status). */
        FORBIDDEN,
        NOT_FOUND,
        /** Not allowed from where the agent, call or ticket stands now. */
        CONFLICT,
        /** The PBX could not be reached. */
        PBX_UNAVAILABLE,
        /** The PBX refused the request. */
        PBX_REFUSED
    }

    private final Kind kind;
    private final String code;

    public RequestRefused(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public RequestRefused(Kind kind, String code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is required"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is required");
        this.code = Objects.requireNonNull(code, "code is required");
    }

    public static RequestRefused notFound(String what, String id) {
        return new RequestRefused(Kind.NOT_FOUND, "UNKNOWN_" + what.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'),
                "no " + what + " '" + id + "'");
    }

    public static RequestRefused badInput(String message) {
        return new RequestRefused(Kind.BAD_INPUT, "BAD_INPUT", message);
    }

    /** The PBX did not carry out a request: why, in the kind and code an agent or client can act on. */
    public static RequestRefused byPbx(org.calldesk.connector.api.PbxException e) {
        if (e instanceof org.calldesk.connector.api.PbxException.PbxUnreachable) {
            return new RequestRefused(Kind.PBX_UNAVAILABLE, "PBX_DOWN", "the PBX is not reachable: " + e.getMessage(), e);
        }
        if (e instanceof org.calldesk.connector.api.PbxException.DeviceUnavailable) {
            return new RequestRefused(Kind.CONFLICT, "PHONE_UNAVAILABLE", e.getMessage(), e);
        }
        if (e instanceof org.calldesk.connector.api.PbxException.UnknownCall) {
            return new RequestRefused(Kind.CONFLICT, "CALL_GONE", e.getMessage(), e);
        }
        return new RequestRefused(Kind.PBX_REFUSED, "PBX_REFUSED", e.getMessage(), e);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
