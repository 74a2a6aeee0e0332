package org.calldesk.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calldesk.application.RequestRefused;
import org.calldesk.contract.problem.Problem;

/**
 * Errors as RFC 9457 problem details (the contract's {@link Problem}): {@code type}, {@code title},
 * {@code status}, {@code detail}, plus {@code code}, the stable reason clients branch on (for example
 * {@code ALREADY_LOGGED_IN} or {@code STATUS_TRANSITION_REFUSED}).
 */
public final class ProblemDetails {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    private ProblemDetails() {
    }

    static Response of(RequestRefused refused) {
        return of(status(refused.kind()), refused.code(), refused.getMessage());
    }

    static Response of(int status, String code, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, code, detail)).build();
    }

    /** The JSON text of a problem detail, for the few answers given outside JAX-RS (a 401 before it). */
    public static String body(int status, String code, String detail) {
        return Problem.of(status, title(status), code, detail).toJson().toString();
    }

    static int status(RequestRefused.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PBX_REFUSED -> 502;
            case PBX_UNAVAILABLE -> 503;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not signed in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Not possible now";
            case 415 -> "Unsupported media type";
            case 502 -> "Refused by the PBX";
            case 503 -> "PBX unavailable";
            default -> Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
