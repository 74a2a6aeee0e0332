package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.calldesk.application.Actor;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.ServiceView;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.service.ServiceRepository;

@Stateless
@Interceptors(DomainRules.class)
public class DefaultCtiManagementService implements CtiManagementService {

    private static final int MAX_SEARCH_RESULTS = 50;

    final ServiceRepository services;
    final AgentRepository agents;
    final ChangeRecorder changes;
    final Clock clock;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public DefaultCtiManagementService() {
        this(null, null, null, Clock.systemUTC());
    }

    @Inject
    public DefaultCtiManagementService(ServiceRepository services, AgentRepository agents, ChangeRecorder changes) {
        this(services, agents, changes, Clock.systemUTC());
    }

    /** With another clock (tests). */
    DefaultCtiManagementService(ServiceRepository services, AgentRepository agents, ChangeRecorder changes, Clock clock) {
        this.services = services;
        this.agents = agents;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public List<ServiceView> services() {
        return services.all().stream().map(ServiceView::of).toList();
    }

    @Override
    public ServiceView service(String id) {
        return ServiceView.of(findService(id));
    }

    @Override
    public ServiceView createService(Actor actor, String id, ServiceDefinition definition) {
        actor.requireAdmin("create services");
        requireDefinition(definition);
        if (services.find(id).isPresent()) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.SERVICE_EXISTS, "service '" + id + "' exists");
        }
        Service service = new Service(id, definition.name(), definition.announcement(), definition.offerTimeout());
        apply(service, definition);
        services.store(service);
        return ServiceView.of(service);
    }

    @Override
    public ServiceView changeService(Actor actor, String id, ServiceDefinition definition) {
        actor.requireAdmin("change services");
        requireDefinition(definition);
        Service service = findService(id);
        service.rename(definition.name());
        service.changeAnnouncement(definition.announcement());
        service.changeOfferTimeout(definition.offerTimeout());
        service.dialledNumbers().forEach(service::removeDialledNumber);
        service.sendingNumbers().forEach(service::removeSendingNumber);
        apply(service, definition);
        return ServiceView.of(service);
    }

    @Override
    public ServiceView addSendingNumber(Actor actor, String serviceId, String number) {
        actor.requireAdmin("manage sending numbers");
        Service service = findService(serviceId);
        service.addSendingNumber(number);
        return ServiceView.of(service);
    }

    @Override
    public ServiceView removeSendingNumber(Actor actor, String serviceId, String number) {
        actor.requireAdmin("manage sending numbers");
        Service service = findService(serviceId);
        if (!service.removeSendingNumber(number)) {
            throw RequestRefused.notFound("sending number", number);
        }
        return ServiceView.of(service);
    }

    @Override
    public List<AgentView> agents(String search) {
        return (search == null || search.isBlank() ? agents.all() : agents.search(search.strip(), MAX_SEARCH_RESULTS))
                .stream().map(AgentView::of).toList();
    }

    @Override
    public AgentView agent(String id) {
        return AgentView.of(findAgent(id));
    }

    @Override
    public AgentView registerAgent(Actor actor, String loginId, AgentRegistration registration) {
        actor.requireAdmin("register CTI agents");
        requireRegistration(registration);
        if (agents.find(loginId).isPresent()) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.AGENT_EXISTS, loginId + " is registered already");
        }
        requireUnique(loginId, registration);
        Agent agent = new Agent(loginId, registration.name(), registration.agentNumber(), registration.device(),
                registration.role(), requireServices(registration.serviceIds()), clock.instant());
        agents.store(agent);
        changes.agent(agent);
        return AgentView.of(agent);
    }

    @Override
    public AgentView changeAgent(Actor actor, String loginId, AgentRegistration registration) {
        actor.requireAdmin("change CTI agents");
        requireRegistration(registration);
        Agent agent = findAgent(loginId);
        requireUnique(loginId, registration);
        agent.changeRegistration(registration.name(), registration.agentNumber(), registration.device(),
                registration.role(), requireServices(registration.serviceIds()));
        changes.agent(agent);
        return AgentView.of(agent);
    }

    private Service findService(String id) {
        return services.find(id).orElseThrow(() -> RequestRefused.notFound("service", id));
    }

    private Agent findAgent(String id) {
        return agents.find(id).orElseThrow(() -> RequestRefused.notFound("agent", id));
    }

    private void apply(Service service, ServiceDefinition definition) {
        service.enableCalls(definition.callEnabled());
        for (String number : definition.dialledNumbers()) {
            services.findByDialledNumber(number).filter(other -> !other.id().equals(service.id())).ifPresent(other -> {
                throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.NUMBER_TAKEN,
                        number + " already reaches " + other.name());
            });
            service.addDialledNumber(number);
        }
        definition.sendingNumbers().forEach(service::addSendingNumber);
    }

    private void requireUnique(String loginId, AgentRegistration registration) {
        agents.findByAgentNumber(registration.agentNumber()).filter(other -> !other.id().equals(loginId))
                .ifPresent(other -> {
                    throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.AGENT_NUMBER_TAKEN,
                            "agent number " + registration.agentNumber() + " belongs to " + other.id());
                });
        agents.findByDevice(registration.device()).filter(other -> !other.id().equals(loginId))
                .ifPresent(other -> {
                    throw new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.DEVICE_TAKEN,
                            "phone " + registration.device() + " belongs to " + other.id());
                });
    }

    private Set<String> requireServices(Set<String> serviceIds) {
        for (String id : serviceIds) {
            findService(id);
        }
        return serviceIds;
    }

    private static void requireDefinition(ServiceDefinition definition) {
        if (definition == null || definition.name() == null || definition.announcement() == null
                || definition.offerTimeout() == null || definition.dialledNumbers() == null
                || definition.sendingNumbers() == null) {
            throw RequestRefused.badInput("a service needs name, announcement, offerTimeoutSeconds, "
                    + "dialledNumbers and sendingNumbers");
        }
    }

    private static void requireRegistration(AgentRegistration registration) {
        if (registration == null || registration.name() == null || registration.agentNumber() == null
                || registration.device() == null || registration.role() == null || registration.serviceIds() == null) {
            throw RequestRefused.badInput("an agent needs name, agentNumber, device, role and serviceIds");
        }
    }
}
