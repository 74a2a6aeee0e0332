package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;
import org.calldesk.application.Actor;
import org.calldesk.application.AgentService;
import org.calldesk.application.PbxGateway;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.application.pbx.PhoneState;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.StatusChangeView;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;

@Stateless
@Interceptors(DomainRules.class)
public class DefaultAgentService implements AgentService {

    final AgentRepository agents;
    final PbxGateway pbx;
    final RoutingTrigger routing;
    final ChangeRecorder changes;
    final Clock clock;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public DefaultAgentService() {
        this(null, null, null, null, Clock.systemUTC());
    }

    @Inject
    public DefaultAgentService(AgentRepository agents, PbxGateway pbx, RoutingTrigger routing, ChangeRecorder changes) {
        this(agents, pbx, routing, changes, Clock.systemUTC());
    }

    /** With another clock (tests). */
    DefaultAgentService(AgentRepository agents, PbxGateway pbx, RoutingTrigger routing, ChangeRecorder changes, Clock clock) {
        this.agents = agents;
        this.pbx = pbx;
        this.routing = routing;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public AgentView logIn(Actor actor, String agentId) {
        actor.requireMayActFor(agentId, "log in to CTI");
        Agent agent = agents.find(agentId).orElseThrow(() -> new RequestRefused(RequestRefused.Kind.NOT_FOUND,
                RefusalCode.NOT_REGISTERED, agentId + " is not registered in CTI Agent Management"));
        if (agent.status() != AgentStatus.LOGGED_OUT) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.ALREADY_LOGGED_IN,
                    agent.name() + " is already logged in to CTI, maybe elsewhere; log out there first");
        }
        PhoneState phone = PbxAsk.ask(pbx, gateway -> gateway.deviceState(agent.device()));
        if (!phone.isAvailable()) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.PHONE_UNAVAILABLE, "phone " + agent.device()
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
