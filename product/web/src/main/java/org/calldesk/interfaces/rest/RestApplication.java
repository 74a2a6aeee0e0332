package org.calldesk.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
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
                @SecurityRequirement(name = "bearer")})
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A console account's login id and password")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key", description = "An integration's API key (POST /api/v1/integration/keys)")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An integration's API key as a bearer token: Authorization: Bearer <key>")
public class RestApplication extends Application {
}
