package org.calldesk.application;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.ServiceView;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.service.Service;

/**
 * The CTI set-up an admin keeps: services with their dialled and sending numbers (Service
 * Management, Send No Management) and CTI agents (CTI Agent Management). Anyone signed in may
 * read it; only admins change it.
 */
public interface CtiManagementService {

    record ServiceDefinition(String name, String announcement, Duration offerTimeout, boolean callEnabled,
                             Set<String> dialledNumbers, Set<String> sendingNumbers) {
    }

    record AgentRegistration(String name, String agentNumber, String device, AgentRole role, Set<String> serviceIds) {
    }

    List<ServiceView> services();

    ServiceView service(String id);

    ServiceView createService(Actor actor, String id, ServiceDefinition definition);

    ServiceView changeService(Actor actor, String id, ServiceDefinition definition);

    ServiceView addSendingNumber(Actor actor, String serviceId, String number);

    ServiceView removeSendingNumber(Actor actor, String serviceId, String number);

    /** @param search part of a name, login id or agent number; all agents when null or blank */
    List<AgentView> agents(String search);

    AgentView agent(String id);

    AgentView registerAgent(Actor actor, String loginId, AgentRegistration registration);

    AgentView changeAgent(Actor actor, String loginId, AgentRegistration registration);
}
