package org.calldesk.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import java.util.function.Function;
import org.calldesk.application.Actor;
import org.calldesk.application.RequestRefused;
import org.calldesk.contract.json.InvalidBody;

/**
 * Reading request bodies (into the contract's records) and the signed-in caller; a missing or mistyped
 * field is a 400 that names it.
 */
final class Requests {

    /** In paths, {@code me} stands for the signed-in account's own agent. */
    static final String ME = "me";

    private Requests() {
    }

    static Actor actor(SecurityContext security) {
        return new Actor(security.getUserPrincipal().getName(), security.isUserInRole("admin"),
                security.isUserInRole("integration"));
    }

    static String agentId(SecurityContext security, String pathId) {
        return ME.equals(pathId) ? security.getUserPrincipal().getName() : pathId;
    }

    /**
     * The typed record of a request body, read by the contract ({@code DialRequest::from}...): the one place
     * where a body the contract cannot read becomes a 400 that names the field.
     */
    static <T> T read(JsonObject body, Function<JsonObject, T> reader) {
        try {
            return reader.apply(body);
        } catch (InvalidBody e) {
            throw RequestRefused.badInput(e.getMessage());
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badInput("'" + name + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw RequestRefused.badInput("limit must be between 1 and " + max);
        }
        return limit;
    }
}
