package org.calldesk.interfaces.rest;

import jakarta.inject.Inject;
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
import java.util.List;
import org.calldesk.application.CallControlService;
import org.calldesk.application.CallService;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.CallView;
import org.calldesk.application.view.WireBodies;
import org.calldesk.contract.request.DialRequest;
import org.calldesk.contract.request.TransferRequest;
import org.calldesk.contract.resource.CallBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "listCalls", summary = "Calls, most recent first")
    public List<CallBody> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return calls.recentCalls(Requests.limit(limit, MAX_LIMIT)).stream().map(WireBodies::call).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCall", summary = "One call")
    public CallBody get(@PathParam("id") String id) {
        return calls.find(id).map(WireBodies::call).orElseThrow(() -> RequestRefused.notFound("call", id));
    }

    @POST
    @Operation(operationId = "dial",
            summary = "Dial up: call a customer with one of the service's sending numbers; the agent is Dialing")
    @APIResponse(responseCode = "201", description = "Dialing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Call")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Dial")))
    public Response dial(JsonObject body, @Context UriInfo uri) {
        DialRequest request = Requests.read(body, DialRequest::from);
        CallView call = control.dial(Requests.actor(security), new CallControlService.DialRequest(
                request.agentId() == null ? security.getUserPrincipal().getName() : request.agentId(),
                request.serviceId(), request.customerNumber(), request.sendingNumber()));
        return Response.created(uri.getAbsolutePathBuilder().path(call.id()).build())
                .entity(WireBodies.call(call)).build();
    }

    @POST
    @Path("{id}/confirm")
    @Operation(operationId = "confirmCall",
            summary = "Confirm the inbound alert: connected, Talking, the call's ticket created")
    public CallBody confirm(@PathParam("id") String id) {
        return WireBodies.call(control.confirm(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelCall",
            summary = "Cancel the inbound alert: the call goes to the next agent, this agent to Rest")
    public CallBody cancel(@PathParam("id") String id) {
        return WireBodies.call(control.cancel(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/hold")
    @Operation(operationId = "holdCall", summary = "Hold: music for the customer, the agent is Holding")
    public CallBody hold(@PathParam("id") String id) {
        return WireBodies.call(control.hold(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/retrieve")
    @Operation(operationId = "retrieveCall", summary = "Retrieve a held customer: Talking")
    public CallBody retrieve(@PathParam("id") String id) {
        return WireBodies.call(control.retrieve(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/transfer")
    @Operation(operationId = "transferCall",
            summary = "Transfer try: hold the customer and ring the target agent (body: target = login id or "
                    + "agent number)")
    @APIResponse(responseCode = "200", description = "The target agent is ringing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Call")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Transfer")))
    public CallBody transferTry(@PathParam("id") String id, JsonObject body) {
        return WireBodies.call(control.transferTry(Requests.actor(security), id,
                Requests.read(body, TransferRequest::from).target()));
    }

    @POST
    @Path("{id}/transfer/connect")
    @Operation(operationId = "connectTransfer",
            summary = "Transfer connect: the customer and the ticket go to the target agent")
    public CallBody transferConnect(@PathParam("id") String id) {
        return WireBodies.call(control.transferConnect(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/transfer/cancel")
    @Operation(operationId = "cancelTransfer", summary = "Transfer cancel: back to the customer")
    public CallBody transferCancel(@PathParam("id") String id) {
        return WireBodies.call(control.transferCancel(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/disconnect")
    @Operation(operationId = "disconnectCall",
            summary = "Disconnect an abusive caller: the service's announcement, then the call ends")
    public CallBody disconnect(@PathParam("id") String id) {
        return WireBodies.call(control.disconnect(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/hangup")
    @Operation(operationId = "hangUpCall", summary = "Hang up")
    public CallBody hangUp(@PathParam("id") String id) {
        return WireBodies.call(control.hangUp(Requests.actor(security), id));
    }
}
