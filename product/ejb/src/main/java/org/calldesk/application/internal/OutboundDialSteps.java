package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.calldesk.application.CallControlService.DialRequest;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.service.ServiceRepository;

/**
 * The transactional steps of Dial up, each committed on its own around the PBX's originate:
 * first the call and the agent's Dialing, then the PBX's id of the call or the failure.
 *
 * <p>Until the PBX's id is known, the call carries a placeholder id; a PBX event about the new
 * call that overtakes {@link #dialPlaced} finds it through the agent's phone instead
 * (see {@code DefaultCallEventService}).
 */
@Stateless
@Interceptors(DomainRules.class)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboundDialSteps {

    /** A dial-up recorded and committed, about to be placed on the PBX. */
    public record Dialling(String callId, String device) {
    }

    final CallRepository calls;
    final AgentRepository agents;
    final ServiceRepository services;
    final ChangeRecorder changes;
    final Clock clock;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public OutboundDialSteps() {
        this(null, null, null, null, Clock.systemUTC());
    }

    @Inject
    public OutboundDialSteps(CallRepository calls, AgentRepository agents, ServiceRepository services, ChangeRecorder changes) {
        this(calls, agents, services, changes, Clock.systemUTC());
    }

    /** With another clock (tests). */
    OutboundDialSteps(CallRepository calls, AgentRepository agents, ServiceRepository services, ChangeRecorder changes, Clock clock) {
        this.calls = calls;
        this.agents = agents;
        this.services = services;
        this.changes = changes;
        this.clock = clock;
    }

    public Dialling startDialling(DialRequest request) {
        Objects.requireNonNull(request, "request is required");
        CustomerNumbers.require(request.customerNumber());
        Service service = services.find(String.valueOf(request.serviceId()))
                .orElseThrow(() -> RequestRefused.notFound("service", String.valueOf(request.serviceId())));
        if (!service.callEnabled()) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.CALLS_DISABLED,
                    "the call function is switched off for " + service.name());
        }
        if (request.sendingNumber() == null || !service.offersSendingNumber(request.sendingNumber())) {
            throw new RequestRefused(RequestRefused.Kind.BAD_INPUT, RefusalCode.UNKNOWN_SENDING_NUMBER, "'"
                    + request.sendingNumber() + "' is not a sending number of " + service.name() + " "
                    + service.sendingNumbers());
        }
        Agent agent = agents.find(request.agentId())
                .orElseThrow(() -> RequestRefused.notFound("agent", request.agentId()));
        if (!agent.serves(service.id())) {
            throw new RequestRefused(RequestRefused.Kind.BAD_INPUT, RefusalCode.NOT_IN_SERVICE,
                    agent.name() + " does not serve " + service.name());
        }
        Instant now = clock.instant();
        Call call = Call.dialled(pendingPbxCallId(), service.id(), agent.id(), request.customerNumber(),
                request.sendingNumber(), now);
        agent.startDialing(call.id(), now);
        calls.store(call);
        changes.call(call);
        changes.agent(agent);
        return new Dialling(call.id(), agent.device());
    }

    public Call dialPlaced(String callId, String pbxCallId) {
        Call call = calls.find(callId).orElseThrow(() -> RequestRefused.notFound("call", callId));
        if (call.bindPbxCallId(pbxCallId)) {
            changes.call(call);
        }
        return call;
    }

    /** The PBX did not place the call: it ends and the agent goes back to the status before. */
    public void dialFailed(String callId, String reason) {
        Instant now = clock.instant();
        calls.find(callId).filter(call -> call.end("FAILED", now)).ifPresent(call -> {
            changes.call(call);
            call.agentId().flatMap(agents::find).filter(agent -> agent.dialFailed(callId, now))
                    .ifPresent(changes::agent);
        });
    }

    static String pendingPbxCallId() {
        return Call.PENDING_PBX_CALL_ID_PREFIX + UUID.randomUUID();
    }
}
