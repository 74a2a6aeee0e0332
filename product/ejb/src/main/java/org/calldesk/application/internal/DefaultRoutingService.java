package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.application.RoutingService;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.call.QueuePlace;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.service.ServiceRepository;

/**
 * Offers are claims on two rows, the agent's and the call's, each guarded by its version: of
 * two transactions that offer the same call, or to the same agent, only one commits. The loser
 * changes nothing and the next round offers again with fresh data.
 *
 * <p>Waiting calls are offered in their order of arrival at the PBX ({@link Call#queuePlace}, as
 * the PBX numbered its channels), whatever order their records were committed in: a caller of the service who
 * reached the PBX earlier and whose arrival is still on its way to the rows
 * ({@link PbxEventsOnTheWay}) is not overtaken; the calls after it wait until it is recorded
 * (whose commit routes the service again).
 */
@Stateless
@Interceptors(DomainRules.class)
public class DefaultRoutingService implements RoutingService {

    private static final Logger LOG = Logger.getLogger(DefaultRoutingService.class.getName());
    private static final int MAX_EXPIRED_PER_SCAN = 100;

    final CallRepository calls;
    final AgentRepository agents;
    final ServiceRepository services;
    final RoutingTrigger routing;
    final ChangeRecorder changes;
    final PbxEventsOnTheWay onTheWay;
    final Clock clock;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public DefaultRoutingService() {
        this(null, null, null, null, null, null, Clock.systemUTC());
    }

    @Inject
    public DefaultRoutingService(CallRepository calls, AgentRepository agents, ServiceRepository services, RoutingTrigger routing, ChangeRecorder changes, PbxEventsOnTheWay onTheWay) {
        this(calls, agents, services, routing, changes, onTheWay, Clock.systemUTC());
    }

    /** With another clock (tests). */
    DefaultRoutingService(CallRepository calls, AgentRepository agents, ServiceRepository services, RoutingTrigger routing, ChangeRecorder changes, PbxEventsOnTheWay onTheWay, Clock clock) {
        this.calls = calls;
        this.agents = agents;
        this.services = services;
        this.routing = routing;
        this.changes = changes;
        this.onTheWay = onTheWay;
        this.clock = clock;
    }

    @Override
    public boolean offerNextCall(String serviceId) {
        return offerWaitingCalls(serviceId, 1) > 0;
    }

    @Override
    public int offerWaitingCalls(String serviceId, int max) {
        Optional<Service> service = services.find(serviceId).filter(Service::callEnabled);
        if (service.isEmpty()) {
            return 0;
        }
        List<PbxEventsOnTheWay.Arrival> onItsWay = onTheWay.arrivalsBefore(Instant.MAX); // before reading the rows
        List<Call> waiting = notOvertaking(serviceId, calls.oldestWaiting(serviceId, max), onItsWay);
        if (waiting.isEmpty()) {
            return 0;
        }
        List<Agent> ready = agents.readyFor(serviceId, waiting.size());
        Instant now = clock.instant();
        int offers = Math.min(waiting.size(), ready.size());
        for (int i = 0; i < offers; i++) {
            Agent agent = ready.get(i);
            Call call = waiting.get(i);
            agent.offer(call.id(), now);
            call.offerTo(agent.id(), now.plus(service.get().offerTimeout()), now);
            changes.agent(agent);
            changes.call(call);
        }
        return offers;
    }

    /**
     * The waiting calls (oldest first) that no earlier caller of the service, still on the way
     * to the rows, would be overtaken by.
     *
     * @param onItsWay the arrivals on their way, taken before the waiting calls were read: one
     *                 recorded in between is not among these calls, but was on its way then
     */
    private List<Call> notOvertaking(String serviceId, List<Call> waiting, List<PbxEventsOnTheWay.Arrival> onItsWay) {
        if (waiting.isEmpty()) {
            return waiting;
        }
        long latest = waiting.get(waiting.size() - 1).queuePlace();
        Set<String> read = waiting.stream().map(Call::pbxCallId).collect(Collectors.toSet());
        for (PbxEventsOnTheWay.Arrival arrival : onItsWay) { // oldest first
            long place = QueuePlace.of(arrival.pbxCallId(), arrival.at());
            if (place >= latest) {
                break;
            }
            if (read.contains(arrival.pbxCallId())) {
                onTheWay.arrivalRecorded(arrival.pbxCallId()); // another node recorded it; it is among these calls
                continue;
            }
            Optional<Call> recorded = calls.findByPbxCallId(arrival.pbxCallId());
            if (recorded.isPresent() && recorded.get().status() != CallStatus.WAITING) {
                onTheWay.arrivalRecorded(arrival.pbxCallId()); // recorded, and no longer waits
                continue;
            }
            // not recorded yet, or recorded after these calls were read: they must not overtake it
            boolean ofThisService = recorded.isPresent()
                    ? recorded.get().serviceId().filter(serviceId::equals).isPresent()
                    : services.findByDialledNumber(arrival.dialled()).filter(Service::callEnabled)
                            .map(Service::id).filter(serviceId::equals).isPresent();
            if (ofThisService) {
                List<Call> before = waiting.stream().filter(call -> call.queuePlace() < place).toList();
                if (onTheWay.holdsRoutingBack(arrival.pbxCallId())) { // logged once a caller
                    LOG.info(() -> "service " + serviceId + ": caller " + arrival.pbxCallId() + " reached the PBX at "
                            + arrival.at() + " but is not recorded yet; " + (waiting.size() - before.size())
                            + " later recorded calls wait for it, so as not to overtake it");
                }
                return before;
            }
        }
        return waiting;
    }

    @Override
    public List<String> servicesWithWaitingCalls() {
        return calls.servicesWithWaitingCalls();
    }

    @Override
    public List<String> expiredOffers(Instant now) {
        return calls.expiredOffers(now, MAX_EXPIRED_PER_SCAN).stream().map(Call::id).toList();
    }

    @Override
    public void expireOffer(String callId) {
        Instant now = clock.instant();
        Optional<Call> expired = calls.find(callId).filter(call -> call.offerExpired(now));
        if (expired.isEmpty()) {
            return;
        }
        Call call = expired.get();
        String agentId = call.agentId().orElseThrow();
        call.returnToQueue(agentId);
        changes.call(call);
        agents.find(agentId).filter(agent -> agent.isAlertedWith(call.id())).ifPresent(agent -> {
            agent.declineOffer(call.id(), now);
            changes.agent(agent);
        });
        call.serviceId().ifPresent(routing::routeSoon);
    }
}
