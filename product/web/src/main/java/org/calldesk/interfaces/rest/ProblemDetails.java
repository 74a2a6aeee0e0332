package org.calldesk.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.calldesk.application.RequestRefused;

/**
 * Errors as RFC 9457 problem details: {@code type}, {@code title}, {@code status}, {@code detail},
 * plus {@code code}, the stable reason clients branch on (for example {@code ALREADY_LOGGED_IN}
 * or {@code STATUS_TRANSITION_REFUSED}).
 */
public final class ProblemDetails {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://calldesk.org/problems/";

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
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("title", title(status))
                .add("status", status)
                .add("code", code);
        if (detail != null) {
            json.add("detail", detail);
        }
        return json.build().toString();
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
