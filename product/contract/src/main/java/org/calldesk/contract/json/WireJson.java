package org.calldesk.contract.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * The JSON-P side of the contract: one provider and the few habits of every body we write. Absent
 * values are left out, never written as null; times are ISO-8601 instants in UTC.
 */
public final class WireJson {

    /**
     * The JSON-P provider, looked up once for every JSON the application writes or reads.
     * {@code Json.createObjectBuilder()} and its siblings look the provider up anew on each call, and in
     * an application server that lookup scans class loaders for service files, a cost the benchmark
     * showed under load (see docs/benchmark.md).
     */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private WireJson() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder that starts with the fields of an object. */
    public static JsonObjectBuilder object(JsonObject start) {
        return PROVIDER.createObjectBuilder(start);
    }

    /** The JSON object of a text that holds one; a {@link jakarta.json.JsonException} otherwise. */
    public static JsonObject parseObject(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** An array of bodies, each written by its one mapping. */
    public static <T> JsonArray array(Collection<? extends T> items, Function<? super T, JsonObject> mapping) {
        JsonArrayBuilder array = PROVIDER.createArrayBuilder();
        items.forEach(item -> array.add(mapping.apply(item)));
        return array.build();
    }

    public static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    static void put(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    static void put(JsonObjectBuilder json, String name, JsonBody value) {
        if (value != null) {
            json.add(name, value.toJson());
        }
    }

    /** Writers for the records of the other packages: absent values left out. */
    public static final class Writer {
        private final JsonObjectBuilder json = PROVIDER.createObjectBuilder();

        public Writer add(String name, String value) {
            put(json, name, value);
            return this;
        }

        public Writer add(String name, Instant value) {
            put(json, name, value);
            return this;
        }

        public Writer add(String name, JsonBody value) {
            put(json, name, value);
            return this;
        }

        public Writer add(String name, long value) {
            json.add(name, value);
            return this;
        }

        public Writer add(String name, boolean value) {
            json.add(name, value);
            return this;
        }

        public Writer add(String name, Collection<String> values) {
            json.add(name, strings(values));
            return this;
        }

        public Writer add(String name, JsonArray values) {
            json.add(name, values);
            return this;
        }

        public JsonObject build() {
            return json.build();
        }
    }

    public static Writer writer() {
        return new Writer();
    }
}
