package org.calldesk.application.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.calldesk.application.AppliedPbxEvents;
import org.calldesk.application.CallEventService;
import org.calldesk.application.FollowedEvents;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.application.pbx.CallEndCause;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallDirection;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.service.ServiceRepository;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketRepository;

/**
 * Applies what the PBX reports. Every step checks where the call and agents stand first, so an
 * event that arrives twice, late or out of order changes nothing it should not: a call ends
 * once, a hold reported after the agent pressed Hold is already applied, an end after Hang up
 * finds the call ended.
 *
 * <p>Each event is applied in a transaction of its own, and applied again at once if that
 * transaction lost to a concurrent change of the same call or agent. The usual such change is
 * the agent's request that made the PBX raise the event (Hold, transfer try...): the request
 * holds the call's row while it asks the PBX, the event is read meanwhile and conflicts when
 * the request commits. Applied again at once, it sees what the request did (the call already
 * holding or consulting) and changes nothing; left to the broker's delayed redelivery it could
 * come after the agent's next request (Retrieve, transfer connect or cancel) and put a talking
 * call back on hold. An event applied whose delivery then fails to be acknowledged comes again
 * and, as any repeated event, changes nothing.
 */
@Stateless
@Local(CallEventService.class)
@LocalBean
public class DefaultCallEventService implements CallEventService {

    private static final Logger LOG = Logger.getLogger(DefaultCallEventService.class.getName());

    /** Attempts to apply one event that keeps losing to concurrent changes; then the broker redelivers it. */
    private static final int ATTEMPTS = 5;

    /** How much older than a PBX channel listing a call must be before its absence ends it. */
    static final java.time.Duration LISTING_MARGIN = java.time.Duration.ofSeconds(10);

    /**
     * The part of the EJB context this bean uses: the bean as its clients reach it through the
     * container, so that each {@link #applyOnce} it calls runs in a transaction of its own.
     */
    @FunctionalInterface
    interface ThroughContainer {
        DefaultCallEventService of(DefaultCallEventService bean);
    }

    /** In the container: the bean's business object, from the EJB context injected into it. */
    private static final ThroughContainer EJB_CONTEXT =
            bean -> bean.context.getBusinessObject(DefaultCallEventService.class);

    @Resource
    SessionContext context;

    final CallRepository calls;
    final AgentRepository agents;
    final ServiceRepository services;
    final TicketRepository tickets;
    final RoutingTrigger routing;
    final ChangeRecorder changes;
    final AppliedPbxEvents applied;
    final Clock clock;
    final ThroughContainer throughContainer;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public DefaultCallEventService() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public DefaultCallEventService(CallRepository calls, AgentRepository agents, ServiceRepository services,
                                   TicketRepository tickets, RoutingTrigger routing, ChangeRecorder changes,
                                   AppliedPbxEvents applied) {
        this(calls, agents, services, tickets, routing, changes, applied, Clock.systemUTC(), EJB_CONTEXT);
    }

    /** With another clock, and another way to reach the bean as the container would (tests). */
    DefaultCallEventService(CallRepository calls, AgentRepository agents, ServiceRepository services,
                            TicketRepository tickets, RoutingTrigger routing, ChangeRecorder changes,
                            AppliedPbxEvents applied, Clock clock, ThroughContainer throughContainer) {
        this.calls = calls;
        this.agents = agents;
        this.services = services;
        this.tickets = tickets;
        this.routing = routing;
        this.changes = changes;
        this.applied = applied;
        this.clock = clock;
        this.throughContainer = throughContainer;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void handle(PbxReport event) {
        handle(event, null);
    }

    /**
     * As {@link #handle(PbxReport)}, once per id: several nodes each queue a copy of every PBX
     * event, the broker keeps the first, and a copy that slips past it (two copies sent at the
     * same moment) is recognised here by its id, which is recorded with the event's changes.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each attempt in a transaction of its own
    public void handle(PbxReport event, String eventId) {
        DefaultCallEventService self = throughContainer.of(this);
        for (int attempt = 1; ; attempt++) {
            try {
                self.applyOnce(event, eventId);
                return;
            } catch (EJBException e) {
                if (eventId != null && isDuplicateKey(e)) {
                    LOG.fine(() -> "another node applied " + eventId + " at the same moment; skipping this copy");
                    return;
                }
                if (attempt >= ATTEMPTS || !isConcurrentChange(e)) {
                    throw e;
                }
                int failed = attempt;
                LOG.fine(() -> "applying " + event + " again after a concurrent change (attempt " + failed + ")");
            }
        }
    }

    /** Applies one event, unless its id says it was applied already, in a transaction of its own; see {@link #handle}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void applyOnce(PbxReport event, String eventId) {
        if (eventId != null) {
            if (applied.applied(eventId)) {
                LOG.fine(() -> "PBX event " + eventId + " was applied already; skipping this copy");
                return;
            }
            applied.record(eventId, clock.instant());
        }
        apply(event);
    }

    /** The key of the applied PBX events refused a second copy (SQL state 23505, unique violation). */
    private static boolean isDuplicateKey(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()));
    }

    /** Applies one event, in the caller's transaction. */
    void apply(PbxReport event) {
        if (!FollowedEvents.follows(event)) {
            return;
        }
        if (event instanceof PbxReport.CallArrived arrived) {
            callArrived(arrived);
        } else if (event instanceof PbxReport.CallRinging ringing) {
            findCall(ringing.call().value(), ringing.party());
        } else if (event instanceof PbxReport.CallAnswered answered) {
            findCall(answered.call().value(), answered.agentDevice())
                    .ifPresent(call -> answered(call, answered.agentDevice()));
        } else if (event instanceof PbxReport.ConnectFailed failed) {
            findCall(failed.call().value(), null).ifPresent(call -> connectFailed(call, failed));
        } else if (event instanceof PbxReport.CallHeld held) {
            findCall(held.call().value(), null).ifPresent(call -> held(call, held.at()));
        } else if (event instanceof PbxReport.CallRetrieved retrieved) {
            findCall(retrieved.call().value(), null).ifPresent(call -> retrieved(call, retrieved.at()));
        } else if (event instanceof PbxReport.ConsultFailed failed) {
            findCall(failed.call().value(), null).ifPresent(this::consultFailed);
        } else if (event instanceof PbxReport.CallRequeued requeued) {
            findCall(requeued.call().value(), null).ifPresent(this::requeued);
        } else if (event instanceof PbxReport.CallTransferred transferred) {
            findCall(transferred.call().value(), null).ifPresent(this::transferred);
        } else if (event instanceof PbxReport.CallEnded ended) {
            findCall(ended.call().value(), null).ifPresent(call -> callEnded(call, ended));
        } else if (event instanceof PbxReport.PbxCallsListed listed) {
            endCallsThePbxNoLongerHas(listed);
        } else {
            LOG.fine(() -> "nothing to change for " + event);
        }
    }

    private static boolean isConcurrentChange(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof OptimisticLockException
                || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException);
    }

    private void callArrived(PbxReport.CallArrived arrived) {
        if (calls.findByPbxCallId(arrived.call().value()).isPresent()) {
            return; // reported twice
        }
        Optional<Service> service = services.findByDialledNumber(arrived.dialledNumber()).filter(Service::callEnabled);
        Call call = service
                .map(s -> Call.arrivedFor(s.id(), arrived.call().value(), arrived.callerNumber(),
                        arrived.dialledNumber(), arrived.at()))
                .orElseGet(() -> Call.arrived(arrived.call().value(), arrived.callerNumber(), arrived.dialledNumber(),
                        arrived.at()));
        calls.store(call);
        changes.call(call);
        service.map(Service::id).ifPresent(routing::routeSoon);
    }

    /**
     * The call with that PBX id, or else a dial-up still waiting for its PBX id whose agent's
     * phone the event names: the PBX's first events of a dial-up can overtake the recording of
     * its id.
     */
    private Optional<Call> findCall(String pbxCallId, String device) {
        Optional<Call> known = calls.findByPbxCallId(pbxCallId);
        if (known.isPresent() || device == null) {
            return known;
        }
        Optional<Call> dialling = agents.findByDevice(device)
                .filter(agent -> agent.status() == AgentStatus.DIALING)
                .flatMap(Agent::callId)
                .flatMap(calls::find)
                .filter(Call::awaitsPbxCallId);
        dialling.ifPresent(call -> {
            call.bindPbxCallId(pbxCallId);
            changes.call(call);
        });
        return dialling;
    }

    private void answered(Call call, String device) {
        if (call.direction() == CallDirection.INBOUND) {
            agentLegAnswered(settled(call, device), device);
            return;
        }
        if (call.status() != CallStatus.DIALING) {
            return;
        }
        Instant now = clock.instant();
        String agentId = call.agentId().orElseThrow();
        Ticket ticket = Ticket.forCall(call.serviceId().orElseThrow(), call.id(), call.customerNumber(), agentId, now)
                .withCustomer(call.customer());
        call.answered(ticket.id(), now);
        tickets.store(ticket);
        changes.call(call);
        changes.ticket(ticket);
        agents.find(agentId).filter(agent -> agent.dialAnswered(call.id(), now)).ifPresent(changes::agent);
    }

    /**
     * The call as it stands once a Confirm of it that is still being committed is done: the PBX
     * reports the agent's leg (answered, busy) while the Confirm that placed it may still hold the
     * call's row, and the call then still reads Offered. Waiting for that transaction (the row's
     * lock) and reading the call again makes the report find the Connecting call it is about.
     */
    private Call settled(Call call, String device) {
        if (call.status() == CallStatus.OFFERED
                && call.agentId().flatMap(agents::find).filter(agent -> agent.device().equals(device)).isPresent()) {
            calls.refreshLocked(call);
        }
        return call;
    }

    @Override
    public boolean callerBackInQueue(String pbxCallId) {
        Optional<Call> found = calls.findByPbxCallId(pbxCallId);
        if (found.isEmpty()) {
            return false;
        }
        Call call = found.get();
        Optional<String> agentId = call.agentId();
        if (!call.callerBackInQueue()) {
            return false;
        }
        changes.call(call);
        Instant now = clock.instant();
        agentId.flatMap(agents::find).filter(agent -> agent.callEnded(call.id(), now)).ifPresent(changes::agent);
        call.serviceId().ifPresent(routing::routeSoon);
        return true;
    }

    /**
     * Inbound: the agent's phone answered and meets the caller; the call is connected and gets its
     * one ticket (a caller back in the queue after its conversation was lost keeps the ticket it had).
     */
    private void agentLegAnswered(Call call, String device) {
        if (call.status() != CallStatus.CONNECTING) {
            return; // connected already (a repeated report), or not Confirmed through us
        }
        Optional<Agent> agent = call.agentId().flatMap(agents::find).filter(a -> a.device().equals(device));
        if (agent.isEmpty()) {
            LOG.warning(() -> "call " + call.id() + ": " + device + " answered, but the call is connecting to "
                    + call.agentId().orElse("nobody") + "; not applied");
            return;
        }
        Instant now = clock.instant();
        // one ticket per call: a caller who waited again after losing their agent keeps theirs
        Optional<Ticket> earlier = call.ticketId().flatMap(tickets::find);
        Ticket ticket = earlier.orElseGet(() -> Ticket.forCall(call.serviceId().orElseThrow(), call.id(),
                call.customerNumber(), agent.get().id(), now).withCustomer(call.customer()));
        if (earlier.isPresent()) {
            ticket.reassign(agent.get().id(), "system", now);
        } else {
            tickets.store(ticket);
        }
        call.connected(ticket.id(), now);
        changes.call(call);
        changes.ticket(ticket);
        if (agent.get().isAlertedWith(call.id())) {
            agent.get().acceptOffer(call.id(), now);
            changes.agent(agent.get());
        }
    }

    /**
     * The agent's phone did not take a confirmed call: the caller goes back to the head of the
     * queue (it keeps its place, which is by arrival) and the agent to Rest, as for an offer not
     * answered. No ticket was made. Logged, as the agent's phone may need looking at.
     */
    private void connectFailed(Call call, PbxReport.ConnectFailed failed) {
        String device = failed.agentDevice();
        settled(call, device);
        Optional<Agent> agent = call.agentId().flatMap(agents::find).filter(a -> a.device().equals(device));
        if (call.status() != CallStatus.CONNECTING || agent.isEmpty()) {
            return; // a late report of an earlier attempt
        }
        LOG.warning(() -> "call " + call.id() + ": the phone " + device + " of agent " + agent.get().id()
                + " did not take the call (" + failed.cause() + "); the caller waits again for the next agent and "
                + agent.get().id() + " goes to Rest");
        Instant now = clock.instant();
        call.connectFailed();
        changes.call(call);
        if (agent.get().isAlertedWith(call.id())) {
            agent.get().declineOffer(call.id(), now);
            changes.agent(agent.get());
        }
        call.serviceId().ifPresent(routing::routeSoon);
    }

    /**
     * A hold the PBX reported before the agent's latest Retrieve (or a retrieve reported before
     * the latest Hold) is that request's own echo, come late: the agent's status has been what it
     * is since after the PBX saw it. Applied, it would undo the agent's request. The PBX's report
     * time is the adapter's clock when it received the event (or Asterisk's Timestamp header).
     */
    private static boolean reportedBeforeTheAgentsLastChange(Optional<Agent> agent, AgentStatus now, Instant reportedAt) {
        return agent.filter(a -> a.status() == now && reportedAt.isBefore(a.statusSince())).isPresent();
    }

    private void held(Call call, Instant reportedAt) {
        if (call.status() != CallStatus.TALKING) {
            return; // already holding, or the customer's music during a transfer try
        }
        if (reportedBeforeTheAgentsLastChange(call.agentId().flatMap(agents::find), AgentStatus.TALKING, reportedAt)) {
            LOG.fine(() -> "call " + call.id() + ": a hold reported before the agent's Retrieve; not applied");
            return;
        }
        Instant now = clock.instant();
        call.hold();
        changes.call(call);
        call.agentId().flatMap(agents::find).filter(agent -> agent.hold(call.id(), now)).ifPresent(changes::agent);
    }

    private void retrieved(Call call, Instant reportedAt) {
        if (call.status() != CallStatus.HOLDING) {
            return;
        }
        if (reportedBeforeTheAgentsLastChange(call.agentId().flatMap(agents::find), AgentStatus.HOLDING, reportedAt)) {
            LOG.fine(() -> "call " + call.id() + ": a retrieve reported before the agent's Hold; not applied");
            return;
        }
        Instant now = clock.instant();
        call.retrieve();
        changes.call(call);
        call.agentId().flatMap(agents::find).filter(agent -> agent.retrieve(call.id(), now)).ifPresent(changes::agent);
    }

    /** The transfer target was not reached: the target is Ready again; the customer stays held for the first agent. */
    private void consultFailed(Call call) {
        Optional<String> target = call.consultAgentId();
        if (target.isEmpty() || !call.consultationFailed()) {
            return;
        }
        Instant now = clock.instant();
        changes.call(call);
        agents.find(target.get()).filter(agent -> agent.leaveConsultation(call.id(), now)).ifPresent(agent -> {
            changes.agent(agent);
            agent.serviceIds().forEach(routing::routeSoon);
        });
        call.agentId().flatMap(agents::find).filter(agent -> agent.hold(call.id(), now)).ifPresent(changes::agent);
    }

    /**
     * The agent hung up during a transfer try that then failed: the caller waits again, first in
     * the queue by arrival, with the ticket the call has; the agent's finish-call prompt opens,
     * a target still being rung is Ready again.
     */
    private void requeued(Call call) {
        Optional<String> agentId = call.agentId();
        Optional<String> target = call.consultAgentId();
        if (!call.requeue()) {
            return;
        }
        LOG.warning(() -> "call " + call.id() + ": " + agentId.orElse("the agent") + " hung up during a transfer try"
                + " that failed; the caller waits again for the next agent");
        Instant now = clock.instant();
        changes.call(call);
        agentId.flatMap(agents::find).filter(agent -> agent.callEnded(call.id(), now)).ifPresent(changes::agent);
        target.flatMap(agents::find).filter(agent -> agent.leaveConsultation(call.id(), now)).ifPresent(agent -> {
            changes.agent(agent);
            agent.serviceIds().forEach(routing::routeSoon);
        });
        call.serviceId().ifPresent(routing::routeSoon);
    }

    /** A transfer the PBX completed without a Transfer connect through us (normally applied already). */
    private void transferred(Call call) {
        if (call.status() != CallStatus.CONSULTING) {
            return;
        }
        Instant now = clock.instant();
        String from = call.agentId().orElseThrow();
        call.completeTransfer();
        changes.call(call);
        agents.find(from).filter(agent -> agent.callEnded(call.id(), now)).ifPresent(changes::agent);
        call.ticketId().flatMap(tickets::find).ifPresent(ticket -> {
            ticket.reassign(call.agentId().orElseThrow(), "system", now);
            changes.ticket(ticket);
        });
    }

    /**
     * A call the application holds as active but the PBX does not list ended while nobody
     * watched (the application or its PBX session was down). Only calls older than the listing by
     * a margin are ended, so a call being placed just as the PBX listed its channels is left be.
     */
    private void endCallsThePbxNoLongerHas(PbxReport.PbxCallsListed listed) {
        java.util.Set<String> onPbx = new java.util.HashSet<>();
        listed.calls().forEach(id -> onPbx.add(id.value()));
        for (Call call : calls.activeStartedBefore(listed.at().minus(LISTING_MARGIN), 1000)) {
            if (!call.awaitsPbxCallId() && !onPbx.contains(call.pbxCallId())) {
                LOG.warning(() -> "call " + call.id() + " (PBX " + call.pbxCallId() + ") is gone from the PBX"
                        + " listed at the adapter's login; ending it");
                callEnded(call, new PbxReport.CallEnded(new PbxCallId(call.pbxCallId()), CallEndCause.FAILED,
                        listed.at()));
            }
        }
    }

    private void callEnded(Call call, PbxReport.CallEnded ended) {
        CallStatus before = call.status();
        if (!call.endReported(ended.cause().name(), ended.at())) {
            return; // reported twice, or ended by Hang up or Disconnect already
        }
        changes.call(call);
        Instant now = clock.instant();
        call.agentId().flatMap(agents::find).ifPresent(agent -> {
            boolean changed = before == CallStatus.OFFERED || before == CallStatus.CONNECTING
                    ? agent.offerWithdrawn(call.id(), now)
                    : before == CallStatus.DIALING ? agent.dialFailed(call.id(), now)
                    : agent.callEnded(call.id(), now);
            if (changed) {
                changes.agent(agent);
                if (agent.status() == AgentStatus.READY) {
                    agent.serviceIds().forEach(routing::routeSoon);
                }
            }
        });
        call.consultAgentId().flatMap(agents::find).filter(agent -> agent.leaveConsultation(call.id(), now))
                .ifPresent(agent -> {
                    changes.agent(agent);
                    agent.serviceIds().forEach(routing::routeSoon);
                });
    }
}
