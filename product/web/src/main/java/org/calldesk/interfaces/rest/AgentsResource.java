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
import org.calldesk.application.AgentService;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.view.AgentView;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.interfaces.json.ContactCenterJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "CTI agents; q searches name, login id and agent number (to find a transfer target)")
    public JsonArray list(@QueryParam("q") String search) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        cti.agents(search).forEach(agent -> array.add(json(agent)));
        return array.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One agent with its status and the time in it")
    public JsonObject get(@PathParam("id") String id) {
        return json(cti.agent(Requests.agentId(security, id)));
    }

    @POST
    @Operation(summary = "Register an account's CTI information (admin)")
    public Response register(JsonObject body, @Context UriInfo uri) {
        String loginId = Requests.text(body, "loginId");
        AgentView agent = cti.registerAgent(Requests.actor(security), loginId, registration(body));
        return Response.created(uri.getAbsolutePathBuilder().path(loginId).build()).entity(json(agent)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an agent's CTI information (admin)")
    public JsonObject change(@PathParam("id") String id, JsonObject body) {
        return json(cti.changeAgent(Requests.actor(security), id, registration(body)));
    }

    @POST
    @Path("{id}/cti-login")
    @Operation(summary = "CTI login into Rest; refused with code NOT_REGISTERED, PHONE_UNAVAILABLE, "
            + "ALREADY_LOGGED_IN or PBX_DOWN")
    public JsonObject logIn(@PathParam("id") String id) {
        return json(agents.logIn(Requests.actor(security), Requests.agentId(security, id)));
    }

    @POST
    @Path("{id}/cti-logout")
    @Operation(summary = "CTI logout")
    public JsonObject logOut(@PathParam("id") String id) {
        return json(agents.logOut(Requests.actor(security), Requests.agentId(security, id)));
    }

    @PUT
    @Path("{id}/status")
    @Operation(summary = "Choose REST, READY or BUSINESS (with businessReason EDUCATION, REPORT, MEETING, TICKET, "
            + "CHAT or MONITOR)")
    public JsonObject chooseStatus(@PathParam("id") String id, JsonObject body) {
        AgentStatus status = Requests.enumValue(AgentStatus.class, "status", Requests.text(body, "status"));
        BusinessReason reason = Requests.enumValue(BusinessReason.class, "businessReason",
                Requests.optionalText(body, "businessReason"));
        return json(agents.chooseStatus(Requests.actor(security), Requests.agentId(security, id), status, reason));
    }

    @POST
    @Path("{id}/after-call/confirm")
    @Operation(summary = "Finish-call prompt, Confirm: Ready")
    public JsonObject afterCallConfirm(@PathParam("id") String id) {
        return json(agents.finishCall(Requests.actor(security), Requests.agentId(security, id), true));
    }

    @POST
    @Path("{id}/after-call/cancel")
    @Operation(summary = "Finish-call prompt, Cancel: Business (Ticket), to process the call's ticket")
    public JsonObject afterCallCancel(@PathParam("id") String id) {
        return json(agents.finishCall(Requests.actor(security), Requests.agentId(security, id), false));
    }

    @GET
    @Path("{id}/status-history")
    @Operation(summary = "The agent's status changes, most recent first, each with the time spent in the status before")
    public JsonArray history(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        agents.history(Requests.actor(security), Requests.agentId(security, id), Requests.limit(limit, MAX_HISTORY))
                .forEach(change -> array.add(ContactCenterJson.statusChange(change)));
        return array.build();
    }

    private JsonObject json(AgentView agent) {
        return ContactCenterJson.agent(agent, clock.instant());
    }

    private static AgentRegistration registration(JsonObject body) {
        return new AgentRegistration(Requests.text(body, "name"), Requests.text(body, "agentNumber"),
                Requests.text(body, "device"),
                Requests.enumValue(AgentRole.class, "role", Requests.text(body, "role")),
                Requests.texts(body, "serviceIds"));
    }
}
