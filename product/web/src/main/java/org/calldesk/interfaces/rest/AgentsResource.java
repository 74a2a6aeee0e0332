package org.calldesk.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import org.calldesk.application.AgentService;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.WireBodies;
import org.calldesk.contract.request.AgentRegistrationRequest;
import org.calldesk.contract.request.StatusRequest;
import org.calldesk.contract.resource.AgentBody;
import org.calldesk.contract.resource.StatusChangeBody;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CTI agents: CTI Agent Management (admin), and each agent's CTI login, logout, status and
 * finish-call prompt. {@code me} in a path is the signed-in account's own agent.
 */
@Path("v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "CTI agents, CTI login and logout, agent status, the finish-call prompt")
public class AgentsResource {

    private static final int MAX_HISTORY = 1000;

    @Inject
    CtiManagementService cti;

    @Inject
    AgentService agents;

    @Context
    SecurityContext security;

    Clock clock = Clock.systemUTC();

    @GET
    @Operation(operationId = "listAgents",
            summary = "CTI agents; q searches name, login id and agent number (to find a transfer target)")
    public List<AgentBody> list(@QueryParam("q") String search) {
        return cti.agents(search).stream().map(this::body).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAgent", summary = "One agent with its status and the time in it")
    public AgentBody get(@PathParam("id") String id) {
        return body(cti.agent(Requests.agentId(security, id)));
    }

    @POST
    @Operation(operationId = "registerAgent", summary = "Register an account's CTI information (admin)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Agent")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "AgentRegistration")))
    public Response register(JsonObject body, @Context UriInfo uri) {
        AgentRegistrationRequest request = Requests.read(body, AgentRegistrationRequest::newAgent);
        AgentView agent = cti.registerAgent(Requests.actor(security), request.loginId(), registration(request));
        return Response.created(uri.getAbsolutePathBuilder().path(request.loginId()).build()).entity(body(agent))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "changeAgent", summary = "Change an agent's CTI information (admin)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Agent")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "AgentRegistration")))
    public AgentBody change(@PathParam("id") String id, JsonObject body) {
        return body(cti.changeAgent(Requests.actor(security), id,
                registration(Requests.read(body, AgentRegistrationRequest::change))));
    }

    @POST
    @Path("{id}/cti-login")
    @Operation(operationId = "ctiLogin", summary = "CTI login into Rest; refused with code NOT_REGISTERED, "
            + "PHONE_UNAVAILABLE, ALREADY_LOGGED_IN or PBX_DOWN")
    public AgentBody logIn(@PathParam("id") String id) {
        return body(agents.logIn(Requests.actor(security), Requests.agentId(security, id)));
    }

    @POST
    @Path("{id}/cti-logout")
    @Operation(operationId = "ctiLogout", summary = "CTI logout")
    public AgentBody logOut(@PathParam("id") String id) {
        return body(agents.logOut(Requests.actor(security), Requests.agentId(security, id)));
    }

    @PUT
    @Path("{id}/status")
    @Operation(operationId = "chooseAgentStatus", summary = "Choose REST, READY or BUSINESS (with businessReason "
            + "EDUCATION, REPORT, MEETING, TICKET, CHAT or MONITOR)")
    @APIResponse(responseCode = "200", description = "The agent in the status chosen",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Agent")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "StatusChoice")))
    public AgentBody chooseStatus(@PathParam("id") String id, JsonObject body) {
        StatusRequest request = Requests.read(body, StatusRequest::from);
        AgentStatus status = Requests.enumValue(AgentStatus.class, "status", request.status());
        BusinessReason reason = Requests.enumValue(BusinessReason.class, "businessReason", request.businessReason());
        return body(agents.chooseStatus(Requests.actor(security), Requests.agentId(security, id), status, reason));
    }

    @POST
    @Path("{id}/after-call/confirm")
    @Operation(operationId = "confirmAfterCall", summary = "Finish-call prompt, Confirm: Ready")
    public AgentBody afterCallConfirm(@PathParam("id") String id) {
        return body(agents.finishCall(Requests.actor(security), Requests.agentId(security, id), true));
    }

    @POST
    @Path("{id}/after-call/cancel")
    @Operation(operationId = "cancelAfterCall",
            summary = "Finish-call prompt, Cancel: Business (Ticket), to process the call's ticket")
    public AgentBody afterCallCancel(@PathParam("id") String id) {
        return body(agents.finishCall(Requests.actor(security), Requests.agentId(security, id), false));
    }

    @GET
    @Path("{id}/status-history")
    @Operation(operationId = "agentStatusHistory",
            summary = "The agent's status changes, most recent first, each with the time spent in the status before")
    public List<StatusChangeBody> history(@PathParam("id") String id,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
        return agents.history(Requests.actor(security), Requests.agentId(security, id),
                        Requests.limit(limit, MAX_HISTORY))
                .stream().map(WireBodies::statusChange).toList();
    }

    private AgentBody body(AgentView agent) {
        return WireBodies.agent(agent, clock.instant());
    }

    private static AgentRegistration registration(AgentRegistrationRequest request) {
        return new AgentRegistration(request.name(), request.agentNumber(), request.device(),
                Requests.enumValue(AgentRole.class, "role", request.role()), request.serviceIds());
    }
}
