package org.calldesk.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.calldesk.application.integration.IntegrationAccessService.IssuedKey;
import org.calldesk.application.integration.IntegrationAccessService;
import org.calldesk.application.view.AuditEntryView;
import org.calldesk.application.view.IntegrationKeyView;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Create an API key (body: name); the answer's 'key' is shown this once")
    public Response create(JsonObject body, @Context UriInfo uri) {
        IssuedKey issued = access.create(Requests.actor(security), Requests.text(body, "name"));
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id()).build())
                .entity(json(issued.key()).add("key", issued.secret()).build()).build();
    }

    @GET
    @Path("keys")
    @Operation(summary = "Every API key, newest first (never the keys themselves)")
    public JsonArray keys() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        access.keys(Requests.actor(security)).forEach(key -> array.add(json(key)));
        return array.build();
    }

    @DELETE
    @Path("keys/{id}")
    @Operation(summary = "Revoke an API key: the next call with it is refused (401)")
    public JsonObject revoke(@PathParam("id") String id) {
        return json(access.revoke(Requests.actor(security), id)).build();
    }

    @GET
    @Path("audit")
    @Operation(summary = "Integration calls, most recent first (REST and command queue); keyId filters")
    public JsonArray audit(@QueryParam("keyId") String keyId, @QueryParam("limit") @DefaultValue("100") int limit) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        access.trail(Requests.actor(security), keyId, Requests.limit(limit, MAX_AUDIT))
                .forEach(entry -> array.add(json(entry)));
        return array.build();
    }

    private static JsonObjectBuilder json(IntegrationKeyView key) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", key.id())
                .add("name", key.name())
                .add("keyPrefix", key.keyPrefix())
                .add("principal", key.principal())
                .add("active", key.active())
                .add("createdAt", key.createdAt().toString())
                .add("createdBy", key.createdBy());
        key.revokedAt().ifPresent(at -> json.add("revokedAt", at.toString()));
        key.revokedBy().ifPresent(by -> json.add("revokedBy", by));
        return json;
    }

    private static JsonObject json(AuditEntryView entry) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", entry.id())
                .add("at", entry.at().toString())
                .add("principal", entry.principal())
                .add("channel", entry.channel().name())
                .add("action", entry.action())
                .add("target", entry.target())
                .add("outcome", entry.outcome());
        entry.keyId().ifPresent(id -> json.add("keyId", id));
        entry.keyName().ifPresent(name -> json.add("keyName", name));
        entry.remote().ifPresent(remote -> json.add("remote", remote));
        return json.build();
    }
}
