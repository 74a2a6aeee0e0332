package org.calldesk.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
import org.calldesk.application.CallControlService.DialRequest;
import org.calldesk.application.CallControlService;
import org.calldesk.application.CallService;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.CallView;
import org.calldesk.interfaces.json.ContactCenterJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Calls, most recent first, and every action an agent takes on one. */
@Path("v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Inbound Confirm/Cancel, Dial up, Hold/Retrieve, Transfer, Disconnect, Hang up")
public class CallsResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    CallService calls;

    @Inject
    CallControlService control;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Calls, most recent first")
    public JsonArray list(@QueryParam("limit") @DefaultValue("50") int limit) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        calls.recentCalls(Requests.limit(limit, MAX_LIMIT)).forEach(call -> array.add(ContactCenterJson.call(call)));
        return array.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One call")
    public JsonObject get(@PathParam("id") String id) {
        return calls.find(id).map(ContactCenterJson::call).orElseThrow(() -> RequestRefused.notFound("call", id));
    }

    @POST
    @Operation(summary = "Dial up: call a customer with one of the service's sending numbers; the agent is Dialing")
    public Response dial(JsonObject body, @Context UriInfo uri) {
        String agentId = Requests.optionalText(body, "agentId");
        DialRequest request = new DialRequest(agentId == null ? security.getUserPrincipal().getName() : agentId,
                Requests.text(body, "serviceId"), Requests.text(body, "customerNumber"),
                Requests.text(body, "sendingNumber"));
        CallView call = control.dial(Requests.actor(security), request);
        return Response.created(uri.getAbsolutePathBuilder().path(call.id()).build())
                .entity(ContactCenterJson.call(call)).build();
    }

    @POST
    @Path("{id}/confirm")
    @Operation(summary = "Confirm the inbound alert: connected, Talking, the call's ticket created")
    public JsonObject confirm(@PathParam("id") String id) {
        return ContactCenterJson.call(control.confirm(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel the inbound alert: the call goes to the next agent, this agent to Rest")
    public JsonObject cancel(@PathParam("id") String id) {
        return ContactCenterJson.call(control.cancel(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/hold")
    @Operation(summary = "Hold: music for the customer, the agent is Holding")
    public JsonObject hold(@PathParam("id") String id) {
        return ContactCenterJson.call(control.hold(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/retrieve")
    @Operation(summary = "Retrieve a held customer: Talking")
    public JsonObject retrieve(@PathParam("id") String id) {
        return ContactCenterJson.call(control.retrieve(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/transfer")
    @Operation(summary = "Transfer try: hold the customer and ring the target agent (body: target = login id or "
            + "agent number)")
    public JsonObject transferTry(@PathParam("id") String id, JsonObject body) {
        return ContactCenterJson.call(control.transferTry(Requests.actor(security), id, Requests.text(body, "target")));
    }

    @POST
    @Path("{id}/transfer/connect")
    @Operation(summary = "Transfer connect: the customer and the ticket go to the target agent")
    public JsonObject transferConnect(@PathParam("id") String id) {
        return ContactCenterJson.call(control.transferConnect(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/transfer/cancel")
    @Operation(summary = "Transfer cancel: back to the customer")
    public JsonObject transferCancel(@PathParam("id") String id) {
        return ContactCenterJson.call(control.transferCancel(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/disconnect")
    @Operation(summary = "Disconnect an abusive caller: the service's announcement, then the call ends")
    public JsonObject disconnect(@PathParam("id") String id) {
        return ContactCenterJson.call(control.disconnect(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/hangup")
    @Operation(summary = "Hang up")
    public JsonObject hangUp(@PathParam("id") String id) {
        return ContactCenterJson.call(control.hangUp(Requests.actor(security), id));
    }
}
