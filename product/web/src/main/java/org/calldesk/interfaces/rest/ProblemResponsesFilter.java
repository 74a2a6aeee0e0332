package org.calldesk.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.calldesk.contract.problem.Problem;
import org.calldesk.contract.schema.ContractSchemas;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document the server scans from the resources' annotations, from the wire
 * contract: the schema of every record ({@link ContractSchemas}, which the resources name by
 * reference), the error answers of every operation as problem details ({@link Problem},
 * {@code application/problem+json}, as {@link ProblemMappers} gives them), and the inferred answer as
 * the 200 it is. It also drops the default values Payara's scanner writes into every schema it makes
 * ({@code maxProperties: 0} would forbid every property). Named in {@code mp.openapi.filter}
 * (META-INF/microprofile-config.properties of the web and micro modules).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> ERRORS = Map.of(
            "400", "Bad input (code BAD_INPUT): a body or parameter that is not what the operation takes",
            "401", "Not signed in (code NOT_SIGNED_IN)",
            "403", "Not allowed for this account or key",
            "404", "Not found",
            "409", "Not possible now: the agent's or the call's state refuses it (branch on 'code')",
            "500", "The request failed (code INTERNAL_ERROR)",
            "502", "Refused by the PBX",
            "503", "PBX unavailable");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        successIsOk(responses);
        for (Map.Entry<String, String> error : new TreeMap<>(ERRORS).entrySet()) {
            if (!responses.hasAPIResponse(error.getKey())) {
                responses.addAPIResponse(error.getKey(), OASFactory.createAPIResponse()
                        .description(error.getValue())
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            }
        }
        return operation;
    }

    /**
     * The answer the scanner infers from a method's return type is its "default"; JAX-RS answers such a
     * method with 200, and every other answer is declared, so it is the 200 (or, beside a declared
     * success, nothing more).
     */
    private static void successIsOk(APIResponses responses) {
        APIResponse inferred = responses.getDefaultValue();
        if (inferred == null) {
            return;
        }
        responses.removeAPIResponse(APIResponses.DEFAULT);
        boolean declared = responses.getAPIResponses() != null
                && responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
        if (!declared) {
            responses.addAPIResponse("200", inferred.description("OK"));
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    /** The contract's schemas, in place of what the scanner made of the records. */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        for (Map.Entry<String, JsonObject> schema : ContractSchemas.all().entrySet()) {
            components.addSchema(schema.getKey(), model(schema.getValue()));
        }
    }

    /** An OpenAPI schema object of the contract (JSON) as the model the server serves. */
    static Schema model(JsonObject json) {
        Schema schema = OASFactory.createSchema();
        if (json.containsKey("$ref")) {
            return schema.ref(json.getString("$ref"));
        }
        if (json.containsKey("type")) {
            schema.type(Schema.SchemaType.valueOf(json.getString("type").toUpperCase(Locale.ROOT)));
        }
        if (json.containsKey("format")) {
            schema.format(json.getString("format"));
        }
        if (json.containsKey("description")) {
            schema.description(json.getString("description"));
        }
        if (json.containsKey("items")) {
            schema.items(model(json.getJsonObject("items")));
        }
        if (json.containsKey("properties")) {
            json.getJsonObject("properties").forEach((name, property) ->
                    schema.addProperty(name, model(property.asJsonObject())));
        }
        if (json.containsKey("required")) {
            for (JsonValue name : json.getJsonArray("required")) {
                schema.addRequired(((JsonString) name).getString());
            }
        }
        return schema;
    }
}
