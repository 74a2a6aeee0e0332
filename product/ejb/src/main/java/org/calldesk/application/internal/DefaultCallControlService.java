package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.calldesk.application.Actor;
import org.calldesk.application.CallControlService;
import org.calldesk.application.PbxGateway;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.view.CallView;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.service.ServiceRepository;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each action changes the call and its agents first and claims the call's row ({@link
 * CallRepository#claim()}) before asking the PBX, so of two concurrent requests on one call only
 * one reaches the PBX; a PBX refusal rolls everything back ({@link #claimThenAsk}).
 */
@Stateless
@Interceptors(DomainRules.class)
public class DefaultCallControlService implements CallControlService {

    final CallRepository calls;
    final AgentRepository agents;
    final ServiceRepository services;
    final TicketRepository tickets;
    final PbxGateway pbx;
    final RoutingTrigger routing;
    final ChangeRecorder changes;
    final OutboundDialSteps dialSteps;
    final long ringTimeoutSeconds;
    final Clock clock;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public DefaultCallControlService() {
        this(null, null, null, null, null, null, null, null, 30, Clock.systemUTC());
    }

    @Inject
    public DefaultCallControlService(CallRepository calls, AgentRepository agents, ServiceRepository services,
                                     TicketRepository tickets, PbxGateway pbx, RoutingTrigger routing,
                                     ChangeRecorder changes, OutboundDialSteps dialSteps,
                                     @ConfigProperty(name = "calldesk.pbx.ring-timeout-seconds", defaultValue = "30")
                                     long ringTimeoutSeconds) {
        this(calls, agents, services, tickets, pbx, routing, changes, dialSteps, ringTimeoutSeconds,
                Clock.systemUTC());
    }

    /** With another clock (tests). */
    DefaultCallControlService(CallRepository calls, AgentRepository agents, ServiceRepository services,
                              TicketRepository tickets, PbxGateway pbx, RoutingTrigger routing, ChangeRecorder changes,
                              OutboundDialSteps dialSteps, long ringTimeoutSeconds, Clock clock) {
        this.calls = calls;
        this.agents = agents;
        this.services = services;
        this.tickets = tickets;
        this.pbx = pbx;
        this.routing = routing;
        this.changes = changes;
        this.dialSteps = dialSteps;
        this.ringTimeoutSeconds = ringTimeoutSeconds;
        this.clock = clock;
    }

    /**
     * The call is Connecting: the PBX rings the agent's phone. It is Talking, with its ticket,
     * when the PBX reports the agent's leg answered and bridged with the caller; until then the
     * agent stays Alerting (their phone rings). If the phone does not take it the caller goes back
     * to the head of the queue ({@link DefaultCallEventService}).
     */
    @Override
    public CallView confirm(Actor actor, String callId) {
        Call call = call(callId);
        String agentId = call.agentId().orElseThrow(() -> notOffered(call));
        actor.requireMayActFor(agentId, "confirm the call");
        if (call.status() != CallStatus.OFFERED) {
            throw notOffered(call);
        }
        Agent agent = agent(agentId);
        if (!agent.isAlertedWith(call.id())) {
            throw notOffered(call);
        }
        call.confirmOffer(agentId, clock.instant());
        claimThenAsk(gateway -> gateway.connect(call.pbxCallId(), agent.device(), ringTimeout()));
        changes.call(call);
        return CallView.of(call);
    }

    @Override
    public CallView cancel(Actor actor, String callId) {
        Call call = call(callId);
        String agentId = call.agentId().orElseThrow(() -> notOffered(call));
        actor.requireMayActFor(agentId, "cancel the call");
        Agent agent = agent(agentId);
        Instant now = clock.instant();
        agent.declineOffer(call.id(), now);
        call.returnToQueue(agentId);
        changes.call(call);
        changes.agent(agent);
        call.serviceId().ifPresent(routing::routeSoon);
        return CallView.of(call);
    }

    /**
     * Not in a transaction: the call is recorded (Dialing) and committed before the PBX is asked
     * to originate it, so the PBX's first events find it; then the PBX's id is recorded, or the
     * failure, each in a transaction of its own.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CallView dial(Actor actor, DialRequest request) {
        actor.requireMayActFor(request.agentId(), "dial up");
        OutboundDialSteps.Dialling dialling = dialSteps.startDialling(request);
        String pbxCallId;
        try {
            pbxCallId = pbx.originate(dialling.device(), request.customerNumber(), request.sendingNumber(),
                    ringTimeout());
        } catch (PbxRefusal | RuntimeException e) {
            dialSteps.dialFailed(dialling.callId(), e.getMessage());
            if (e instanceof PbxRefusal refusal) {
                throw RequestRefused.byPbx(refusal);
            }
            throw (RuntimeException) e;
        }
        try {
            return CallView.of(dialSteps.dialPlaced(dialling.callId(), pbxCallId));
        } catch (RuntimeException e) {
            if (!isConcurrentChange(e)) {
                throw e;
            }
            // the PBX's own report of the call (answered, its id) changed it first: it is placed all
            // the same; record the id if still needed and answer with the call as it stands now
            return CallView.of(dialSteps.dialPlaced(dialling.callId(), pbxCallId));
        }
    }

    /** A version conflict with a concurrent change of the same rows, as a flush or the commit reports it. */
    private static boolean isConcurrentChange(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof jakarta.persistence.OptimisticLockException
                || cause instanceof RequestRefused refused && refused.refusal() == RefusalCode.CONCURRENT_CHANGE);
    }

    @Override
    public CallView hold(Actor actor, String callId) {
        Call call = ownCall(actor, callId, "hold");
        Agent agent = agent(call.agentId().orElseThrow());
        Instant now = clock.instant();
        if (call.hold()) {
            agent.hold(call.id(), now);
            claimThenAsk(gateway -> gateway.hold(call.pbxCallId()));
            changes.call(call);
            changes.agent(agent);
        }
        return CallView.of(call);
    }

    @Override
    public CallView retrieve(Actor actor, String callId) {
        Call call = ownCall(actor, callId, "retrieve");
        Agent agent = agent(call.agentId().orElseThrow());
        Instant now = clock.instant();
        if (call.retrieve()) {
            agent.retrieve(call.id(), now);
            claimThenAsk(gateway -> gateway.retrieve(call.pbxCallId()));
            changes.call(call);
            changes.agent(agent);
        }
        return CallView.of(call);
    }

    @Override
    public CallView transferTry(Actor actor, String callId, String target) {
        if (target == null || target.isBlank()) {
            throw RequestRefused.badInput("name the target agent by login id or agent number");
        }
        Call call = ownCall(actor, callId, "transfer");
        Agent targetAgent = agents.find(target).or(() -> agents.findByAgentNumber(target))
                .orElseThrow(() -> RequestRefused.notFound("agent", target));
        Instant now = clock.instant();
        if (call.status() != CallStatus.TALKING || call.isHandledBy(targetAgent.id())) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT,
                    call.status() == CallStatus.CONNECTING ? RefusalCode.CALL_CONNECTING : RefusalCode.CALL_STATUS,
                    "call " + callId + " cannot be transferred to " + targetAgent.name() + " while " + call.status());
        }
        targetAgent.joinConsultation(call.id(), now);
        call.startConsultation(targetAgent.id());
        claimThenAsk(gateway -> gateway.consult(call.pbxCallId(), targetAgent.device(), ringTimeout()));
        changes.call(call);
        changes.agent(targetAgent);
        return CallView.of(call);
    }

    @Override
    public CallView transferConnect(Actor actor, String callId) {
        Call call = ownCall(actor, callId, "connect the transfer");
        Agent from = agent(call.agentId().orElseThrow());
        Agent to = agent(call.consultAgentId().orElseThrow(() -> new RequestRefused(RequestRefused.Kind.CONFLICT,
                RefusalCode.NO_TRANSFER_TRY, "there is no transfer try on call " + callId)));
        Instant now = clock.instant();
        call.completeTransfer();
        from.callEnded(call.id(), now);
        Optional<Ticket> ticket = call.ticketId().flatMap(tickets::find);
        ticket.ifPresent(t -> t.reassign(to.id(), actor.loginId(), now));
        claimThenAsk(gateway -> gateway.completeTransfer(call.pbxCallId()));
        changes.call(call);
        changes.agent(from);
        ticket.ifPresent(changes::ticket);
        return CallView.of(call);
    }

    @Override
    public CallView transferCancel(Actor actor, String callId) {
        Call call = ownCall(actor, callId, "cancel the transfer");
        String targetId = call.consultAgentId().orElseThrow(() -> new RequestRefused(RequestRefused.Kind.CONFLICT,
                RefusalCode.NO_TRANSFER_TRY, "there is no transfer try on call " + callId));
        Instant now = clock.instant();
        call.endConsultation();
        Optional<Agent> target = agents.find(targetId).filter(agent -> agent.leaveConsultation(call.id(), now));
        claimThenAsk(gateway -> gateway.cancelConsult(call.pbxCallId()));
        changes.call(call);
        target.ifPresent(changes::agent);
        return CallView.of(call);
    }

    @Override
    public CallView disconnect(Actor actor, String callId) {
        Call call = ownCall(actor, callId, "disconnect");
        Service service = call.serviceId().flatMap(services::find)
                .orElseThrow(() -> RequestRefused.notFound("service", call.serviceId().orElse("?")));
        Instant now = clock.instant();
        call.disconnect(actor.loginId(), now);
        leaveEndedCall(call, now);
        claimThenAsk(gateway -> gateway.announceAndHangup(call.pbxCallId(), service.announcement()));
        changes.call(call);
        return CallView.of(call);
    }

    @Override
    public CallView hangUp(Actor actor, String callId) {
        Call call = ownCall(actor, callId, "hang up");
        Instant now = clock.instant();
        boolean dialling = call.status() == CallStatus.DIALING;
        call.hangUp(now);
        if (dialling) {
            // a Dial up abandoned before the customer answered: as if the customer had not
            call.agentId().flatMap(agents::find).filter(agent -> agent.dialFailed(call.id(), now))
                    .ifPresent(agent -> {
                        changes.agent(agent);
                        if (agent.status() == AgentStatus.READY) {
                            agent.serviceIds().forEach(routing::routeSoon);
                        }
                    });
        } else {
            leaveEndedCall(call, now);
        }
        claimThenAsk(gateway -> gateway.hangup(call.pbxCallId()));
        changes.call(call);
        return CallView.of(call);
    }

    /** The call's agent goes to After call; a transfer target still being consulted goes back to Ready. */
    private void leaveEndedCall(Call call, Instant now) {
        call.agentId().flatMap(agents::find).filter(agent -> agent.callEnded(call.id(), now))
                .ifPresent(changes::agent);
        call.consultAgentId().flatMap(agents::find).filter(agent -> agent.leaveConsultation(call.id(), now))
                .ifPresent(agent -> {
                    changes.agent(agent);
                    agent.serviceIds().forEach(routing::routeSoon);
                });
    }

    private Call ownCall(Actor actor, String callId, String what) {
        Call call = call(callId);
        String agentId = call.agentId().orElseThrow(() -> new RequestRefused(RequestRefused.Kind.CONFLICT,
                RefusalCode.CALL_NOT_CONNECTED, "call " + callId + " has no agent"));
        actor.requireMayActFor(agentId, what);
        return call;
    }

    private Call call(String callId) {
        return calls.find(callId).orElseThrow(() -> RequestRefused.notFound("call", callId));
    }

    private Agent agent(String agentId) {
        return agents.find(agentId).orElseThrow(() -> RequestRefused.notFound("agent", agentId));
    }

    private static RequestRefused notOffered(Call call) {
        return new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.CALL_NOT_OFFERED,
                "call " + call.id() + " is not offered (" + call.status() + ")");
    }

    /** The one way an action here asks the PBX: the call's row claimed first, a refusal made the request's. */
    private void claimThenAsk(PbxAsk.Action action) {
        PbxAsk.claimThenAsk(calls, pbx, action);
    }

    private Duration ringTimeout() {
        return Duration.ofSeconds(ringTimeoutSeconds);
    }
}
