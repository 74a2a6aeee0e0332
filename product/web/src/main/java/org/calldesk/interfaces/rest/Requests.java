package org.calldesk.interfaces.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.calldesk.application.Actor;
import org.calldesk.application.RequestRefused;

/** Reading request bodies and the signed-in caller; a missing or mistyped field is a 400 that names it. */
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

    static JsonObject body(JsonObject body) {
        if (body == null) {
            throw RequestRefused.badInput("a JSON object body is required");
        }
        return body;
    }

    static String text(JsonObject body, String name) {
        String value = optionalText(body, name);
        if (value == null || value.isBlank()) {
            throw RequestRefused.badInput("'" + name + "' is required");
        }
        return value;
    }

    static String optionalText(JsonObject body, String name) {
        JsonValue value = body(body).get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw RequestRefused.badInput("'" + name + "' must be a string");
        }
        return string.getString();
    }

    static long number(JsonObject body, String name, long fallback) {
        JsonValue value = body(body).get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw RequestRefused.badInput("'" + name + "' must be a whole number");
        }
        return number.longValue();
    }

    static boolean bool(JsonObject body, String name, boolean fallback) {
        JsonValue value = body(body).get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw RequestRefused.badInput("'" + name + "' must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    static Set<String> texts(JsonObject body, String name) {
        JsonValue value = body(body).get(name);
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw RequestRefused.badInput("'" + name + "' must be an array of strings");
        }
        Set<String> texts = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                throw RequestRefused.badInput("'" + name + "' must be an array of strings");
            }
            texts.add(string.getString());
        }
        return texts;
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
