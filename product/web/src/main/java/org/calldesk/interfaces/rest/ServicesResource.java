package org.calldesk.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.view.ServiceView;
import org.calldesk.interfaces.json.ContactCenterJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service Management and Send No Management: services, the numbers that reach them, their sending numbers. */
@Path("v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Services", description = "Services, dialled numbers and sending numbers (admin changes them)")
public class ServicesResource {

    @Inject
    CtiManagementService cti;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "All services")
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        cti.services().forEach(service -> array.add(ContactCenterJson.service(service)));
        return array.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One service")
    public JsonObject get(@PathParam("id") String id) {
        return ContactCenterJson.service(cti.service(id));
    }

    @POST
    @Operation(summary = "Create a service (admin)")
    public Response create(JsonObject body, @Context UriInfo uri) {
        String id = Requests.text(body, "id");
        ServiceView service = cti.createService(Requests.actor(security), id, definition(body));
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(ContactCenterJson.service(service)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a service (admin)")
    public JsonObject change(@PathParam("id") String id, JsonObject body) {
        return ContactCenterJson.service(cti.changeService(Requests.actor(security), id, definition(body)));
    }

    @GET
    @Path("{id}/sending-numbers")
    @Operation(summary = "The service's sending numbers, offered by Dial up")
    public JsonArray sendingNumbers(@PathParam("id") String id) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        cti.service(id).sendingNumbers().forEach(array::add);
        return array.build();
    }

    @POST
    @Path("{id}/sending-numbers")
    @Operation(summary = "Add a sending number (admin)")
    public JsonObject addSendingNumber(@PathParam("id") String id, JsonObject body) {
        return ContactCenterJson.service(cti.addSendingNumber(Requests.actor(security), id,
                Requests.text(body, "number")));
    }

    @DELETE
    @Path("{id}/sending-numbers/{number}")
    @Operation(summary = "Remove a sending number (admin)")
    public JsonObject removeSendingNumber(@PathParam("id") String id, @PathParam("number") String number) {
        return ContactCenterJson.service(cti.removeSendingNumber(Requests.actor(security), id, number));
    }

    private static ServiceDefinition definition(JsonObject body) {
        return new ServiceDefinition(Requests.text(body, "name"), Requests.text(body, "announcement"),
                Duration.ofSeconds(Requests.number(body, "offerTimeoutSeconds",
                        ServiceView.DEFAULT_OFFER_TIMEOUT.getSeconds())),
                Requests.bool(body, "callEnabled", true), Requests.texts(body, "dialledNumbers"),
                Requests.texts(body, "sendingNumbers"));
    }
}
