package org.calldesk.contract.schema;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calldesk.contract.event.EventEnvelope;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.calldesk.contract.problem.Problem;
import org.calldesk.contract.request.AgentRegistrationRequest;
import org.calldesk.contract.request.CommentRequest;
import org.calldesk.contract.request.DialRequest;
import org.calldesk.contract.request.IntegrationKeyRequest;
import org.calldesk.contract.request.NewTicketRequest;
import org.calldesk.contract.request.SendingNumberRequest;
import org.calldesk.contract.request.ServiceRequest;
import org.calldesk.contract.request.StatusRequest;
import org.calldesk.contract.request.TransferRequest;
import org.calldesk.contract.resource.AgentBody;
import org.calldesk.contract.resource.AuditEntryBody;
import org.calldesk.contract.resource.CallBody;
import org.calldesk.contract.resource.CustomerCard;
import org.calldesk.contract.resource.IntegrationKeyBody;
import org.calldesk.contract.resource.ServiceBody;
import org.calldesk.contract.resource.StatusChangeBody;
import org.calldesk.contract.resource.TicketBody;
import org.calldesk.contract.resource.TicketEntryBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every record of the contract as an OpenAPI 3 schema object (JSON), named by its {@code @Schema(name)}:
 * a property per record component in the order written, {@code required} from
 * {@code @Schema(required = true)}, descriptions from {@code @Schema(description)}. Strings, whole numbers,
 * booleans, instants ({@code date-time} strings), collections (arrays) and other records ({@code $ref})
 * are all the records hold.
 */
public final class ContractSchemas {

    /** The records of the contract, in the order the document lists them. */
    public static final List<Class<? extends Record>> RECORDS = List.of(CallBody.class, CustomerCard.class,
            AgentBody.class, StatusChangeBody.class, ServiceBody.class, TicketBody.class, TicketEntryBody.class,
            IntegrationKeyBody.class, AuditEntryBody.class, EventEnvelope.class, EventEnvelope.Subject.class,
            Problem.class, AgentRegistrationRequest.class, StatusRequest.class, DialRequest.class,
            TransferRequest.class, ServiceRequest.class, SendingNumberRequest.class, NewTicketRequest.class,
            CommentRequest.class, IntegrationKeyRequest.class);

    private static final String REF = "#/components/schemas/";

    private ContractSchemas() {
    }

    /** Every record's schema by its name. */
    public static Map<String, JsonObject> all() {
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        RECORDS.forEach(type -> schemas.put(name(type), of(type)));
        return schemas;
    }

    /** The schema's name of a record: its {@code @Schema(name)}, or its simple name. */
    public static String name(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    public static JsonObject of(Class<? extends Record> type) {
        JsonObjectBuilder properties = WireJson.object();
        JsonArrayBuilder required = WireJson.PROVIDER.createArrayBuilder();
        boolean anyRequired = false;
        for (RecordComponent component : type.getRecordComponents()) {
            Schema annotation = component.getAccessor().getAnnotation(Schema.class);
            JsonObjectBuilder property = WireJson.object(typeOf(component.getGenericType()));
            if (annotation != null && !annotation.description().isEmpty()) {
                property.add("description", annotation.description());
            }
            properties.add(component.getName(), property);
            if (annotation != null && annotation.required()) {
                required.add(component.getName());
                anyRequired = true;
            }
        }
        JsonObjectBuilder schema = WireJson.object().add("type", "object");
        Schema annotation = type.getAnnotation(Schema.class);
        if (annotation != null && !annotation.description().isEmpty()) {
            schema.add("description", annotation.description());
        }
        schema.add("properties", properties);
        if (anyRequired) {
            schema.add("required", required);
        }
        return schema.build();
    }

    private static JsonObject typeOf(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return WireJson.object().add("type", "array")
                    .add("items", typeOf(parameterized.getActualTypeArguments()[0])).build();
        }
        if (type == String.class) {
            return simple("string", null);
        }
        if (type == long.class || type == Long.class) {
            return simple("integer", "int64");
        }
        if (type == int.class || type == Integer.class) {
            return simple("integer", "int32");
        }
        if (type == boolean.class || type == Boolean.class) {
            return simple("boolean", null);
        }
        if (type == Instant.class) {
            return simple("string", "date-time");
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            return WireJson.object().add("$ref", REF + name(record)).build();
        }
        if (type == JsonBody.class) {
            return simple("object", null);
        }
        throw new IllegalArgumentException("no schema for " + type + " in the contract");
    }

    private static JsonObject simple(String type, String format) {
        JsonObjectBuilder schema = WireJson.object().add("type", type);
        if (format != null) {
            schema.add("format", format);
        }
        return schema.build();
    }
}
