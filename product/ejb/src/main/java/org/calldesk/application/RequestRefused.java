package org.calldesk.application;

import jakarta.ejb.ApplicationException;
import java.util.Locale;
import java.util.Objects;
import org.calldesk.application.pbx.PbxRefusal;

/**
 * A request the contact center refused, with the kind of refusal (which the REST API turns into
 * the HTTP status of a problem detail), a stable {@link RefusalCode} clients can branch on, and a
 * message an agent can act on. It rolls the transaction back, so a refused request changes nothing.
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
    private final RefusalCode code;

    public RequestRefused(Kind kind, RefusalCode code, String message) {
        this(kind, code, message, null);
    }

    public RequestRefused(Kind kind, RefusalCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is required"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is required");
        this.code = Objects.requireNonNull(code, "code is required");
    }

    /**
     * @param what what was looked for, one of the things {@link RefusalCode} has an {@code UNKNOWN_}
     *             code for ("agent", "call", "service", "sending number", "ticket", "API key")
     */
    public static RequestRefused notFound(String what, String id) {
        return new RequestRefused(Kind.NOT_FOUND,
                RefusalCode.valueOf("UNKNOWN_" + what.toUpperCase(Locale.ROOT).replace(' ', '_')),
                "no " + what + " '" + id + "'");
    }

    public static RequestRefused badInput(String message) {
        return new RequestRefused(Kind.BAD_INPUT, RefusalCode.BAD_INPUT, message);
    }

    /** The PBX did not carry out a request: why, in the kind and code an agent or client can act on. */
    public static RequestRefused byPbx(PbxRefusal refusal) {
        return switch (refusal.reason()) {
            case PBX_UNREACHABLE -> new RequestRefused(Kind.PBX_UNAVAILABLE, RefusalCode.PBX_DOWN,
                    "the PBX is not reachable: " + refusal.getMessage(), refusal);
            case PHONE_UNAVAILABLE -> new RequestRefused(Kind.CONFLICT, RefusalCode.PHONE_UNAVAILABLE,
                    refusal.getMessage(), refusal);
            case UNKNOWN_CALL -> new RequestRefused(Kind.CONFLICT, RefusalCode.CALL_GONE, refusal.getMessage(),
                    refusal);
            case REFUSED -> new RequestRefused(Kind.PBX_REFUSED, RefusalCode.PBX_REFUSED, refusal.getMessage(),
                    refusal);
        };
    }

    public Kind kind() {
        return kind;
    }

    /** Why, as code can branch on it. */
    public RefusalCode refusal() {
        return code;
    }

    /** Why, as the wire says it: the {@link RefusalCode}'s name. */
    public String code() {
        return code.name();
    }
}
