package org.calldesk.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.calldesk.application.integration.IntegrationAccessService.IssuedKey;
import org.calldesk.application.integration.IntegrationAccessService;
import org.calldesk.application.view.WireBodies;
import org.calldesk.contract.request.IntegrationKeyRequest;
import org.calldesk.contract.resource.AuditEntryBody;
import org.calldesk.contract.resource.IntegrationKeyBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API keys of external systems and the audit trail of their calls (admin). A key is shown once,
 * in the answer to its creation; afterwards only its first characters ({@code keyPrefix}).
 */
@Path("v1/integration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "API keys of external systems and the audit trail (admin)")
public class IntegrationKeysResource {

    private static final int MAX_AUDIT = 1000;

    @Inject
    IntegrationAccessService access;

    @Context
    SecurityContext security;

    @POST
    @Path("keys")
    @Operation(operationId = "createIntegrationKey",
            summary = "Create an API key (body: name); the answer's 'key' is shown this once")
    @APIResponse(responseCode = "201", description = "Created, with the key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "IntegrationKey")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewIntegrationKey")))
    public Response create(JsonObject body, @Context UriInfo uri) {
        IssuedKey issued = access.create(Requests.actor(security),
                Requests.read(body, IntegrationKeyRequest::from).name());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id()).build())
                .entity(WireBodies.integrationKey(issued.key()).withKey(issued.secret())).build();
    }

    @GET
    @Path("keys")
    @Operation(operationId = "listIntegrationKeys", summary = "Every API key, newest first (never the keys themselves)")
    public List<IntegrationKeyBody> keys() {
        return access.keys(Requests.actor(security)).stream().map(WireBodies::integrationKey).toList();
    }

    @DELETE
    @Path("keys/{id}")
    @Operation(operationId = "revokeIntegrationKey",
            summary = "Revoke an API key: the next call with it is refused (401)")
    public IntegrationKeyBody revoke(@PathParam("id") String id) {
        return WireBodies.integrationKey(access.revoke(Requests.actor(security), id));
    }

    @GET
    @Path("audit")
    @Operation(operationId = "listIntegrationAudit",
            summary = "Integration calls, most recent first (REST and command queue); keyId filters")
    public List<AuditEntryBody> audit(@QueryParam("keyId") String keyId,
                                      @QueryParam("limit") @DefaultValue("100") int limit) {
        return access.trail(Requests.actor(security), keyId, Requests.limit(limit, MAX_AUDIT))
                .stream().map(WireBodies::auditEntry).toList();
    }
}
