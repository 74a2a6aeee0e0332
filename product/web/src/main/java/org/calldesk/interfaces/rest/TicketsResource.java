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
import org.calldesk.application.TicketService;
import org.calldesk.application.view.TicketView;
import org.calldesk.domain.model.ticket.TicketStatus;
import org.calldesk.interfaces.json.ContactCenterJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Tickets, most recently changed first; filter by status (OPEN, PENDING, RESOLVED) and assignee")
    public JsonArray list(@QueryParam("status") String status, @QueryParam("assignee") String assignee,
                          @QueryParam("limit") @DefaultValue("50") int limit) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        tickets.tickets(Requests.enumValue(TicketStatus.class, "status", status),
                        Requests.ME.equals(assignee) ? security.getUserPrincipal().getName() : assignee,
                        Requests.limit(limit, MAX_LIMIT))
                .forEach(ticket -> array.add(ContactCenterJson.ticket(ticket)));
        return array.build();
    }

    @POST
    @Operation(summary = "A ticket without a call (body: serviceId, customerNumber, optional assigneeId and text, "
            + "the first comment)")
    public Response create(JsonObject body, @Context UriInfo uri) {
        TicketView ticket = tickets.create(Requests.actor(security), new TicketService.NewTicket(
                Requests.text(body, "serviceId"), Requests.text(body, "customerNumber"),
                Requests.optionalText(body, "assigneeId"), Requests.optionalText(body, "text")));
        return Response.created(uri.getAbsolutePathBuilder().path(ticket.id()).build())
                .entity(ContactCenterJson.ticket(ticket)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One ticket with its history")
    public JsonObject get(@PathParam("id") String id) {
        return ContactCenterJson.ticket(tickets.ticket(id));
    }

    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolved")
    public JsonObject resolve(@PathParam("id") String id) {
        return ContactCenterJson.ticket(tickets.resolve(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/pending")
    @Operation(summary = "Pending")
    public JsonObject pending(@PathParam("id") String id) {
        return ContactCenterJson.ticket(tickets.setPending(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/reopen")
    @Operation(summary = "Open again")
    public JsonObject reopen(@PathParam("id") String id) {
        return ContactCenterJson.ticket(tickets.reopen(Requests.actor(security), id));
    }

    @POST
    @Path("{id}/comments")
    @Operation(summary = "Add a comment (body: text)")
    public Response comment(@PathParam("id") String id, JsonObject body) {
        TicketView ticket = tickets.comment(Requests.actor(security), id, Requests.text(body, "text"));
        return Response.status(Response.Status.CREATED).entity(ContactCenterJson.ticket(ticket)).build();
    }
}
