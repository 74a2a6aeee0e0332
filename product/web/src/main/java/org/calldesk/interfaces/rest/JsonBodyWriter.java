package org.calldesk.interfaces.rest;

import jakarta.json.JsonStructure;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;

/**
 * Writes the wire contract's records, and lists of them, with their one JSON mapping
 * ({@link JsonBody#toJson()}), the same bytes the events and the push carry. The application supplies it,
 * so JAX-RS prefers it to a JSON-B writer, which would write the records' fields in another order and
 * absent values as nothing or null by its own rules.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (JsonBody.class.isAssignableFrom(type)) {
            return true;
        }
        return Collection.class.isAssignableFrom(type) && genericType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                && JsonBody.class.isAssignableFrom(element);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(json(entity).toString().getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static JsonStructure json(Object entity) {
        if (entity instanceof JsonBody body) {
            return body.toJson();
        }
        return WireJson.array((Collection<JsonBody>) entity, JsonBody::toJson);
    }
}
