package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;
import org.calldesk.application.Actor;
import org.calldesk.application.AgentService;
import org.calldesk.application.PbxGateway;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.StatusChangeView;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxException;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;

@Stateless
@Interceptors(DomainRules.class)
public class DefaultAgentService implements AgentService {

    @Inject
    AgentRepository agents;

    @Inject
    PbxGateway pbx;

    @Inject
    RoutingTrigger routing;

    @Inject
    ChangeRecorder changes;

    Clock clock = Clock.systemUTC();

    @Override
    public AgentView logIn(Actor actor, String agentId) {
        actor.requireMayActFor(agentId, "log in to CTI");
        Agent agent = agents.find(agentId).orElseThrow(() -> new RequestRefused(RequestRefused.Kind.NOT_FOUND,
                "NOT_REGISTERED", agentId + " is not registered in CTI Agent Management"));
        if (agent.status() != AgentStatus.LOGGED_OUT) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, "ALREADY_LOGGED_IN",
                    agent.name() + " is already logged in to CTI, maybe elsewhere; log out there first");
        }
        DeviceState phone;
        try {
            phone = pbx.deviceState(agent.device());
        } catch (PbxException e) {
            throw RequestRefused.byPbx(e);
        }
        if (!phone.isAvailable()) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, "PHONE_UNAVAILABLE", "phone " + agent.device()
                    + " is not available (" + phone + "): check that it is switched on, registered and idle");
        }
        agent.logIn(clock.instant());
        changes.agent(agent);
        return AgentView.of(agent);
    }

    @Override
    public AgentView logOut(Actor actor, String agentId) {
        Agent agent = agentFor(actor, agentId, "log out");
        agent.logOut(clock.instant());
        changes.agent(agent);
        return AgentView.of(agent);
    }

    @Override
    public AgentView chooseStatus(Actor actor, String agentId, AgentStatus status, BusinessReason reason) {
        Agent agent = agentFor(actor, agentId, "change the status");
        if (agent.choose(status, reason, clock.instant())) {
            changes.agent(agent);
            routeIfReady(agent);
        }
        return AgentView.of(agent);
    }

    @Override
    public AgentView finishCall(Actor actor, String agentId, boolean confirm) {
        Agent agent = agentFor(actor, agentId, "finish the call");
        agent.finishCall(confirm, clock.instant());
        changes.agent(agent);
        routeIfReady(agent);
        return AgentView.of(agent);
    }

    @Override
    public List<StatusChangeView> history(Actor actor, String agentId, int max) {
        agentFor(actor, agentId, "read the status history");
        return agents.history(agentId, max).stream().map(StatusChangeView::of).toList();
    }

    private void routeIfReady(Agent agent) {
        if (agent.status() == AgentStatus.READY) {
            agent.serviceIds().forEach(routing::routeSoon);
        }
    }

    private Agent agentFor(Actor actor, String agentId, String what) {
        actor.requireMayActFor(agentId, what);
        return agents.find(agentId).orElseThrow(() -> RequestRefused.notFound("agent", agentId));
    }
}
