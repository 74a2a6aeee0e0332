package org.calldesk.application.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calldesk.application.ContactCenterEvents;
import org.calldesk.application.RoutingTrigger;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.ticket.Ticket;

/** Remembers what was published ("call.talking", "agent.ready"...) and which services were to be routed. */
final class RecordingEvents implements ContactCenterEvents, RoutingTrigger {

    final List<String> published = new CopyOnWriteArrayList<>();
    final Set<String> toRoute = new java.util.concurrent.CopyOnWriteArraySet<>();

    @Override
    public void callChanged(Call call) {
        published.add("call." + call.status().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void agentChanged(Agent agent) {
        published.add("agent." + agent.status().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void ticketChanged(Ticket ticket) {
        published.add("ticket." + ticket.lastEntry().kind().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void routeSoon(String serviceId) {
        toRoute.add(serviceId);
    }
}
