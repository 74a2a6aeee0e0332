package org.calldesk.application.internal;

import java.time.Clock;
import org.calldesk.application.ContactCenterEvents;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.application.PbxGateway;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.domain.model.agent.AgentRepository;
import org.calldesk.domain.model.call.CallRepository;
import org.calldesk.domain.model.service.ServiceRepository;
import org.calldesk.domain.model.ticket.TicketRepository;

/** The application services wired by hand, as the container would, over the repositories and ports given. */
record Wiring(DefaultAgentService agentService, DefaultRoutingService routing, DefaultCallControlService callControl,
              DefaultCallEventService callEvents, DefaultTicketService tickets, DefaultCtiManagementService cti) {

    static Wiring over(CallRepository calls, AgentRepository agents, ServiceRepository services,
                       TicketRepository tickets, PbxGateway pbx, ContactCenterEvents events, RoutingTrigger trigger,
                       Clock clock) {
        return over(calls, agents, services, tickets, pbx, events, trigger, clock, new PbxEventsOnTheWay(clock));
    }

    static Wiring over(CallRepository calls, AgentRepository agents, ServiceRepository services,
                       TicketRepository tickets, PbxGateway pbx, ContactCenterEvents events, RoutingTrigger trigger,
                       Clock clock, PbxEventsOnTheWay onTheWay) {
        ChangeRecorder changes = new ChangeRecorder(agents, events);

        DefaultAgentService agentService = new DefaultAgentService();
        agentService.agents = agents;
        agentService.pbx = pbx;
        agentService.routing = trigger;
        agentService.changes = changes;
        agentService.clock = clock;

        DefaultRoutingService routing = new DefaultRoutingService();
        routing.calls = calls;
        routing.agents = agents;
        routing.services = services;
        routing.routing = trigger;
        routing.changes = changes;
        routing.onTheWay = onTheWay;
        routing.clock = clock;

        OutboundDialSteps dialSteps = new OutboundDialSteps();
        dialSteps.calls = calls;
        dialSteps.agents = agents;
        dialSteps.services = services;
        dialSteps.changes = changes;
        dialSteps.clock = clock;

        DefaultCallControlService callControl = new DefaultCallControlService();
        callControl.calls = calls;
        callControl.agents = agents;
        callControl.services = services;
        callControl.tickets = tickets;
        callControl.pbx = pbx;
        callControl.routing = trigger;
        callControl.changes = changes;
        callControl.dialSteps = dialSteps;
        callControl.clock = clock;

        DefaultCallEventService callEvents = new DefaultCallEventService();
        callEvents.calls = calls;
        callEvents.agents = agents;
        callEvents.services = services;
        callEvents.tickets = tickets;
        callEvents.routing = trigger;
        callEvents.changes = changes;
        callEvents.clock = clock;

        DefaultTicketService ticketService = new DefaultTicketService();
        ticketService.tickets = tickets;
        ticketService.changes = changes;
        ticketService.services = services;
        ticketService.clock = clock;

        DefaultCtiManagementService cti = new DefaultCtiManagementService();
        cti.services = services;
        cti.agents = agents;
        cti.changes = changes;
        cti.clock = clock;

        return new Wiring(agentService, routing, callControl, callEvents, ticketService, cti);
    }
}
