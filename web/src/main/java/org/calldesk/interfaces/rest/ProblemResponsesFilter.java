package org.calldesk.interfaces.rest;

import java.util.Map;
import org.calldesk.contract.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares the error answers of every operation in the OpenAPI document: each is a problem detail
 * ({@link Problem}, {@code application/problem+json}), as {@link ProblemMappers} gives it. Named in
 * {@code mp.openapi.filter} (META-INF/microprofile-config.properties of the web and micro modules).
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
        for (Map.Entry<String, String> error : new java.util.TreeMap<>(ERRORS).entrySet()) {
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
}
