package org.calldesk.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.calldesk.application.RequestRefused;

/**
 * Every request body the API takes is a JSON object. This reader, which the application supplies
 * and JAX-RS therefore prefers to its built-in JSON-P reader, reads one with the limits a public
 * endpoint needs, and turns whatever else arrives into a 400 problem detail that changes nothing:
 * a body that is JSON but not an object ({@code null}, {@code []}, {@code "x"}, {@code 42},
 * {@code true}), a body that is not JSON, one nested deeper than {@value #MAX_DEPTH} levels (our
 * bodies are two deep; a deep one would only cost stack), or one larger than
 * {@value #MAX_BYTES} bytes. An empty body is no body ({@code null}); the resource says whether
 * it needs one.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonObjectBodyReader implements MessageBodyReader<JsonObject> {

    static final int MAX_DEPTH = 32;
    static final int MAX_BYTES = 1 << 20;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations,
                               MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity)
            throws IOException {
        return read(entity.readNBytes(MAX_BYTES + 1));
    }

    /** The JSON object of a request body; null for an empty one. */
    static JsonObject read(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw RequestRefused.badInput("the body is larger than " + MAX_BYTES + " bytes");
        }
        if (isBlank(body)) {
            return null;
        }
        if (depth(body) > MAX_DEPTH) {
            throw RequestRefused.badInput("the body is nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw RequestRefused.badInput("the body holds more than one JSON value");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw RequestRefused.badInput("the body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RequestRefused.badInput("the body must be a JSON object, not "
                    + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asJsonObject();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The deepest nesting of arrays and objects, strings (and what they escape) skipped. */
    static int depth(byte[] body) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return deepest;
    }
}
