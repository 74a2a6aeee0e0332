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
import java.util.List;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.view.ServiceView;
import org.calldesk.application.view.WireBodies;
import org.calldesk.contract.request.SendingNumberRequest;
import org.calldesk.contract.request.ServiceRequest;
import org.calldesk.contract.resource.ServiceBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "listServices", summary = "All services")
    public List<ServiceBody> list() {
        return cti.services().stream().map(WireBodies::service).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getService", summary = "One service")
    public ServiceBody get(@PathParam("id") String id) {
        return WireBodies.service(cti.service(id));
    }

    @POST
    @Operation(operationId = "createService", summary = "Create a service (admin)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Service")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ServiceDefinition")))
    public Response create(JsonObject body, @Context UriInfo uri) {
        ServiceRequest request = Requests.read(body, ServiceRequest::newService);
        ServiceView service = cti.createService(Requests.actor(security), request.id(), definition(request));
        return Response.created(uri.getAbsolutePathBuilder().path(request.id()).build())
                .entity(WireBodies.service(service)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "changeService", summary = "Change a service (admin)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Service")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ServiceDefinition")))
    public ServiceBody change(@PathParam("id") String id, JsonObject body) {
        return WireBodies.service(cti.changeService(Requests.actor(security), id,
                definition(Requests.read(body, ServiceRequest::change))));
    }

    @GET
    @Path("{id}/sending-numbers")
    @Operation(operationId = "listSendingNumbers", summary = "The service's sending numbers, offered by Dial up")
    @APIResponse(responseCode = "200", description = "The sending numbers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)))
    public JsonArray sendingNumbers(@PathParam("id") String id) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        cti.service(id).sendingNumbers().forEach(array::add);
        return array.build();
    }

    @POST
    @Path("{id}/sending-numbers")
    @Operation(operationId = "addSendingNumber", summary = "Add a sending number (admin)")
    @APIResponse(responseCode = "200", description = "The service with the number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Service")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SendingNumber")))
    public ServiceBody addSendingNumber(@PathParam("id") String id, JsonObject body) {
        return WireBodies.service(cti.addSendingNumber(Requests.actor(security), id,
                Requests.read(body, SendingNumberRequest::from).number()));
    }

    @DELETE
    @Path("{id}/sending-numbers/{number}")
    @Operation(operationId = "removeSendingNumber", summary = "Remove a sending number (admin)")
    public ServiceBody removeSendingNumber(@PathParam("id") String id, @PathParam("number") String number) {
        return WireBodies.service(cti.removeSendingNumber(Requests.actor(security), id, number));
    }

    private static ServiceDefinition definition(ServiceRequest request) {
        return new ServiceDefinition(request.name(), request.announcement(),
                request.offerTimeoutSeconds() == null ? ServiceView.DEFAULT_OFFER_TIMEOUT
                        : Duration.ofSeconds(request.offerTimeoutSeconds()),
                request.callEnabled() == null || request.callEnabled(), request.dialledNumbers(),
                request.sendingNumbers());
    }
}
