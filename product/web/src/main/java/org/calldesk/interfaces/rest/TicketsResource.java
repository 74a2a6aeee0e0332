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
import org.calldesk.application.TicketService;
import org.calldesk.application.view.TicketView;
import org.calldesk.application.view.WireBodies;
import org.calldesk.contract.request.CommentRequest;
import org.calldesk.contract.request.NewTicketRequest;
import org.calldesk.contract.resource.TicketBody;
import org.calldesk.domain.model.ticket.TicketStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Call tickets: Resolved, Pending, comments; every change keeps who and when. */
@Path("v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "The tickets created for connected calls")
public class TicketsResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    TicketService tickets;

    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "listTickets",
            summary = "Tickets, most recently changed first; filter by status (OPEN, PENDING, RESOLVED) and assignee")
    public List<TicketBody> list(@QueryParam("status") String status, @QueryParam("assignee") String assignee,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        return tickets.tickets(Requests.enumValue(TicketStatus.class, "status", status),
                        Requests.ME.equals(assignee) ? security.getUserPrincipal().getName() : assignee,
                        Requests.limit(limit, MAX_LIMIT))
                .stream().map(WireBodies::ticket).toList();
    }

    @POST
    @Operation(operationId = "createTicket", summary = "A ticket without a call (body: serviceId, customerNumber, "
            + "optional assigneeId and text, the first comment)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ticket")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewTicket")))
    public Response create(JsonObject body, @Context UriInfo uri) {
        NewTicketRequest request = Requests.read(body, NewTicketRequest::from);
        TicketView ticket = tickets.create(Requests.actor(security), new TicketService.NewTicket(
                request.serviceId(), request.customerNumber(), request.assigneeId(), request.text()));
        return Response.created(uri.getAbsolutePathBuilder().path(ticket.id()).build())
                .entity(WireBodies.ticket(ticket)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTicket", summary = "One ticket with its history")
    public TicketBody get(@PathParam("id") String id) {
        return WireBodies.ticket(tickets.ticket(id));
    }

    @POST
    @Path("{id}/resolve")
    @Operation(operationId = "resolveTicket", summary = "Resolved")
    public TicketBody resolve(@PathParam("id") String id) {
        return WireBodies.ticket(tickets.resolve(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/pending")
    @Operation(operationId = "setTicketPending", summary = "Pending")
    public TicketBody pending(@PathParam("id") String id) {
        return WireBodies.ticket(tickets.setPending(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/reopen")
    @Operation(operationId = "reopenTicket", summary = "Open again")
    public TicketBody reopen(@PathParam("id") String id) {
        return WireBodies.ticket(tickets.reopen(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/comments")
    @Operation(operationId = "commentTicket", summary = "Add a comment (body: text)")
    @APIResponse(responseCode = "201", description = "The ticket with the comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ticket")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Comment")))
    public Response comment(@PathParam("id") String id, JsonObject body) {
        TicketView ticket = tickets.comment(Requests.actor(security), id,
                Requests.read(body, CommentRequest::from).text());
        return Response.status(Response.Status.CREATED).entity(WireBodies.ticket(ticket)).build();
    }
}
