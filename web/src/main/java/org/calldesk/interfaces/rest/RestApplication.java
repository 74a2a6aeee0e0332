package org.calldesk.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, under {@code /api}; every resource is versioned below it ({@code /api/v1/...}).
 * Its OpenAPI document is served at {@code /openapi}: every body a schema of the wire contract
 * ({@code calldesk-contract}), every error a problem detail ({@link ProblemResponsesFilter}).
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "CallDesk API", version = "1",
                description = "CTI agents and status, inbound and outbound calls, call controls and tickets. "
                        + "Errors are RFC 9457 problem details (application/problem+json) with a stable 'code'."),
        // any one of them: an account's password, or an integration's API key in either header
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "apiKey"),
                @SecurityRequirement(name = "bearer")},
        // the request bodies, which the resources read as a JSON object (JsonObjectBodyReader) and name
        // by reference, and the problem detail, which ProblemResponsesFilter names for every error
        components = @Components(schemas = {
                @Schema(name = "Problem", implementation = Problem.class),
                @Schema(name = "AgentRegistration", implementation = AgentRegistrationRequest.class),
                @Schema(name = "StatusChoice", implementation = StatusRequest.class),
                @Schema(name = "Dial", implementation = DialRequest.class),
                @Schema(name = "Transfer", implementation = TransferRequest.class),
                @Schema(name = "ServiceDefinition", implementation = ServiceRequest.class),
                @Schema(name = "SendingNumber", implementation = SendingNumberRequest.class),
                @Schema(name = "NewTicket", implementation = NewTicketRequest.class),
                @Schema(name = "Comment", implementation = CommentRequest.class),
                @Schema(name = "NewIntegrationKey", implementation = IntegrationKeyRequest.class)}))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A console account's login id and password")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key", description = "An integration's API key (POST /api/v1/integration/keys)")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An integration's API key as a bearer token: Authorization: Bearer <key>")
public class RestApplication extends Application {
}
