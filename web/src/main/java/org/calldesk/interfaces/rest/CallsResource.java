package org.calldesk.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.calldesk.application.CallService;
import org.calldesk.interfaces.json.ContactCenterJson;

/** Calls, most recent first. */
@Path("v1/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    CallService calls;

    @GET
    public JsonArray list(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new jakarta.ws.rs.BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        calls.recentCalls(limit).forEach(call -> array.add(ContactCenterJson.call(call)));
        return array.build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return calls.find(id).map(ContactCenterJson::call)
                .orElseThrow(() -> new NotFoundException("no call " + id));
    }
}
