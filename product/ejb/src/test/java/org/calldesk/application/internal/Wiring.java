package org.calldesk.application.internal;

import java.time.Clock;
import org.calldesk.application.AppliedPbxEvents;
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
        return over(calls, agents, services, tickets, pbx, events, trigger, clock, onTheWay, null);
    }

    /** With the record of the PBX events applied by id ({@code null}: events handled without an id only). */
    static Wiring over(CallRepository calls, AgentRepository agents, ServiceRepository services,
                       TicketRepository tickets, PbxGateway pbx, ContactCenterEvents events, RoutingTrigger trigger,
                       Clock clock, PbxEventsOnTheWay onTheWay, AppliedPbxEvents applied) {
        ChangeRecorder changes = new ChangeRecorder(agents, events);

        DefaultAgentService agentService = new DefaultAgentService(agents, pbx, trigger, changes, clock);
        DefaultRoutingService routing = new DefaultRoutingService(calls, agents, services, trigger, changes, onTheWay,
                clock);
        OutboundDialSteps dialSteps = new OutboundDialSteps(calls, agents, services, changes, clock);
        DefaultTicketService ticketService = new DefaultTicketService(tickets, changes, services, clock);
        DefaultCtiManagementService cti = new DefaultCtiManagementService(services, agents, changes, clock);

        DefaultCallControlService callControl = new DefaultCallControlService(calls, agents, services, tickets, pbx,
                trigger, changes, dialSteps, 30, clock);

        // outside a container the bean calls itself, in the caller's transaction: nothing to retry
        DefaultCallEventService callEvents = new DefaultCallEventService(calls, agents, services, tickets, trigger,
                changes, applied, clock, bean -> bean);

        return new Wiring(agentService, routing, callControl, callEvents, ticketService, cti);
    }
}
