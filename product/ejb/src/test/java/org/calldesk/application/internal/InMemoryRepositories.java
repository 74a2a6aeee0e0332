package org.calldesk.application.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.AgentStatusChange;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.service.ServiceRepository;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketRepository;
import org.calldesk.domain.model.ticket.TicketStatus;

/** Repositories in maps, for service tests that need no database. */
final class InMemoryRepositories {

    final Map<String, Call> calls = new ConcurrentHashMap<>();
    final Map<String, Agent> agents = new ConcurrentHashMap<>();
    final List<AgentStatusChange> history = new ArrayList<>();
    final Map<String, Service> services = new ConcurrentHashMap<>();
    final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    final CallRepository callRepository = new CallRepository() {
        @Override
        public Optional<Call> find(String id) {
            return Optional.ofNullable(calls.get(id));
        }

        @Override
        public Optional<Call> findByPbxCallId(String pbxCallId) {
            return calls.values().stream().filter(c -> c.pbxCallId().equals(pbxCallId)).findFirst();
        }

        @Override
        public List<Call> recent(int max) {
            return calls.values().stream().sorted(Comparator.comparing(Call::startedAt).reversed()).limit(max).toList();
        }

        @Override
        public List<Call> oldestWaiting(String serviceId, int max) {
            return calls.values().stream()
                    .filter(c -> c.status() == CallStatus.WAITING && c.serviceId().equals(Optional.of(serviceId)))
                    .sorted(Comparator.comparing(Call::startedAt).thenComparing(Call::id))
                    .limit(max)
                    .toList();
        }

        @Override
        public List<String> servicesWithWaitingCalls() {
            return calls.values().stream().filter(c -> c.status() == CallStatus.WAITING)
                    .flatMap(c -> c.serviceId().stream()).distinct().toList();
        }

        @Override
        public List<Call> expiredOffers(Instant now, int max) {
            return calls.values().stream().filter(c -> c.offerExpired(now)).limit(max).toList();
        }

        @Override
        public List<Call> activeStartedBefore(Instant instant, int max) {
            return calls.values().stream().filter(c -> c.status().isActive() && c.startedAt().isBefore(instant))
                    .sorted(java.util.Comparator.comparing(Call::startedAt)).limit(max).toList();
        }

        @Override
        public void store(Call call) {
            calls.put(call.id(), call);
        }

        @Override
        public void claim() {
        }

        @Override
        public void refreshLocked(Call call) {
            // one copy of each call, always current
        }
    };

    final AgentRepository agentRepository = new AgentRepository() {
        @Override
        public Optional<Agent> find(String id) {
            return Optional.ofNullable(agents.get(id));
        }

        @Override
        public Optional<Agent> findByAgentNumber(String agentNumber) {
            return agents.values().stream().filter(a -> a.agentNumber().equals(agentNumber)).findFirst();
        }

        @Override
        public Optional<Agent> findByDevice(String device) {
            return agents.values().stream().filter(a -> a.device().equals(device)).findFirst();
        }

        @Override
        public List<Agent> all() {
            return agents.values().stream().sorted(Comparator.comparing(Agent::id)).toList();
        }

        @Override
        public List<Agent> search(String text, int max) {
            String lower = text.toLowerCase(Locale.ROOT);
            return all().stream().filter(a -> a.name().toLowerCase(Locale.ROOT).contains(lower)
                    || a.id().contains(lower) || a.agentNumber().contains(lower)).limit(max).toList();
        }

        @Override
        public List<Agent> readyFor(String serviceId, int max) {
            return agents.values().stream().filter(a -> a.status() == AgentStatus.READY && a.serves(serviceId))
                    .sorted(Comparator.comparing(Agent::statusSince).thenComparing(Agent::id)).limit(max).toList();
        }

        @Override
        public void store(Agent agent) {
            agents.put(agent.id(), agent);
        }

        @Override
        public synchronized void recordHistory(List<AgentStatusChange> changes) {
            history.addAll(changes);
        }

        @Override
        public synchronized List<AgentStatusChange> history(String agentId, int max) {
            return history.stream().filter(c -> c.agentId().equals(agentId))
                    .sorted(Comparator.comparing(AgentStatusChange::changedAt).reversed()).limit(max).toList();
        }
    };

    final ServiceRepository serviceRepository = new ServiceRepository() {
        @Override
        public Optional<Service> find(String id) {
            return Optional.ofNullable(services.get(id));
        }

        @Override
        public Optional<Service> findByDialledNumber(String number) {
            return services.values().stream().filter(s -> s.dialledNumbers().contains(number)).findFirst();
        }

        @Override
        public List<Service> all() {
            return List.copyOf(services.values());
        }

        @Override
        public void store(Service service) {
            services.put(service.id(), service);
        }
    };

    final TicketRepository ticketRepository = new TicketRepository() {
        @Override
        public Optional<Ticket> find(String id) {
            return Optional.ofNullable(tickets.get(id));
        }

        @Override
        public Optional<Ticket> findByCallId(String callId) {
            return tickets.values().stream().filter(t -> t.callId().equals(Optional.of(callId))).findFirst();
        }

        @Override
        public List<Ticket> search(TicketStatus status, String assigneeId, int max) {
            return tickets.values().stream().filter(t -> status == null || t.status() == status)
                    .filter(t -> assigneeId == null || t.assigneeId().equals(Optional.of(assigneeId)))
                    .limit(max).toList();
        }

        @Override
        public void store(Ticket ticket) {
            tickets.put(ticket.id(), ticket);
        }
    };
}
