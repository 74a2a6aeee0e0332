package org.calldesk.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, under {@code /api}; every resource is versioned below it ({@code /api/v1/...}).
 * Its OpenAPI document is served at {@code /openapi}; errors are RFC 9457 problem details.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "CallDesk API", version = "1",
                description = "CTI agents and status, inbound and outbound calls, call controls and tickets. "
                        + "Errors are RFC 9457 problem details (application/problem+json) with a stable 'code'."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {
}
