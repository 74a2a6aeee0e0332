package org.calldesk.contract.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reading the fields of a request body: a missing or mistyped field is an {@link InvalidBody} that names
 * it. A JSON {@code null} is an absent field.
 */
public final class Fields {

    private final JsonObject body;

    private Fields(JsonObject body) {
        this.body = body;
    }

    /** The fields of a body; a missing body ({@code null}) is refused. */
    public static Fields of(JsonObject body) {
        if (body == null) {
            throw new InvalidBody("a JSON object body is required");
        }
        return new Fields(body);
    }

    public String text(String name) {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw new InvalidBody("'" + name + "' is required");
        }
        return value;
    }

    public String optionalText(String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidBody("'" + name + "' must be a string");
        }
        return string.getString();
    }

    /** A whole number, or null when absent. */
    public Long optionalNumber(String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidBody("'" + name + "' must be a whole number");
        }
        return number.longValue();
    }

    /** true or false, or null when absent. */
    public Boolean optionalBool(String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new InvalidBody("'" + name + "' must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    /** The strings of an array, in order without repeats; empty when absent. */
    public Set<String> texts(String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidBody("'" + name + "' must be an array of strings");
        }
        Set<String> texts = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                throw new InvalidBody("'" + name + "' must be an array of strings");
            }
            texts.add(string.getString());
        }
        return texts;
    }
}
