package org.calldesk.application.view;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.calldesk.contract.event.EventEnvelope;
import org.calldesk.contract.resource.AgentBody;
import org.calldesk.contract.resource.AuditEntryBody;
import org.calldesk.contract.resource.CallBody;
import org.calldesk.contract.resource.CustomerCard;
import org.calldesk.contract.resource.IntegrationKeyBody;
import org.calldesk.contract.resource.ServiceBody;
import org.calldesk.contract.resource.StatusChangeBody;
import org.calldesk.contract.resource.TicketBody;
import org.calldesk.contract.resource.TicketEntryBody;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.model.ticket.Ticket;

/**
 * The read models as the wire contract's records ({@code calldesk-contract}), whose one JSON mapping
 * REST, the events topic, the consoles' push, the outbox and the CRM push share. An entity at hand (the
 * outbox writes its events in the change's transaction) is read into its read model first, so that each
 * shape is mapped once.
 */
public final class WireBodies {

    private WireBodies() {
    }

    public static CallBody call(CallView call) {
        return new CallBody(call.id(), call.pbxCallId(), call.direction().name(), call.status().name(),
                call.customerNumber(), call.startedAt(), call.sequence(), or(call.serviceNumber()),
                or(call.serviceId()), or(call.agentId()), or(call.consultAgentId()), or(call.sendingNumber()),
                or(call.offeredAt()), or(call.offerExpiresAt()), or(call.connectedAt()), or(call.endedAt()),
                or(call.endCause()), or(call.disconnectedBy()), or(call.ticketId()),
                call.customer().map(WireBodies::customer).orElse(null));
    }

    /** @param now the time against which the time in the current status is given */
    public static AgentBody agent(AgentView agent, Instant now) {
        return new AgentBody(agent.id(), agent.name(), agent.agentNumber(), agent.device(), agent.role().name(),
                agent.serviceIds(), agent.status().name(), agent.statusSince(),
                Math.max(0, agent.timeInStatus(now).getSeconds()), agent.sequence(),
                agent.businessReason().map(Enum::name).orElse(null), or(agent.callId()));
    }

    public static StatusChangeBody statusChange(StatusChangeView change) {
        return new StatusChangeBody(change.id(), change.agentId(), change.status().name(),
                change.previousStatus().name(), change.previousSince(), change.previousDuration().toMillis(),
                change.changedAt(), change.businessReason().map(Enum::name).orElse(null),
                change.previousBusinessReason().map(Enum::name).orElse(null), or(change.callId()));
    }

    public static ServiceBody service(ServiceView service) {
        return new ServiceBody(service.id(), service.name(), service.announcement(),
                service.offerTimeout().getSeconds(), service.callEnabled(), service.dialledNumbers(),
                service.sendingNumbers());
    }

    public static TicketBody ticket(TicketView ticket) {
        return new TicketBody(ticket.id(), ticket.serviceId(), ticket.customerNumber(), ticket.status().name(),
                ticket.createdAt(), ticket.updatedAt(), ticket.sequence(),
                ticket.entries().stream().map(WireBodies::ticketEntry).toList(), or(ticket.callId()),
                or(ticket.assigneeId()), ticket.customer().map(WireBodies::customer).orElse(null));
    }

    public static TicketEntryBody ticketEntry(TicketEntryView entry) {
        return new TicketEntryBody(entry.id(), entry.kind().name(), entry.author(), entry.writtenAt(),
                or(entry.body()));
    }

    /** The screen pop's card of the caller. */
    public static CustomerCard customer(Customer customer) {
        return new CustomerCard(customer.id(), customer.name(), or(customer.companyName()), or(customer.link()));
    }

    /** An API key without the key itself. */
    public static IntegrationKeyBody integrationKey(IntegrationKeyView key) {
        return new IntegrationKeyBody(key.id(), key.name(), key.keyPrefix(), key.principal(), key.active(),
                key.createdAt(), key.createdBy(), or(key.revokedAt()), or(key.revokedBy()), null);
    }

    public static AuditEntryBody auditEntry(AuditEntryView entry) {
        return new AuditEntryBody(entry.id(), entry.at(), entry.principal(), entry.channel().name(), entry.action(),
                entry.target(), entry.outcome(), or(entry.keyId()), or(entry.keyName()), or(entry.remote()));
    }

    /** The event of a call's change, as the outbox stores it. */
    public static JsonObject callEvent(Call call, Instant time) {
        return EventEnvelope.of(call(CallView.of(call)), time).toJson();
    }

    /** The event of an agent's change, as the outbox stores it. */
    public static JsonObject agentEvent(Agent agent, Instant time) {
        return EventEnvelope.of(agent(AgentView.of(agent), time), time).toJson();
    }

    /** The event of a ticket's change, as the outbox stores it and the CRM push sends it. */
    public static JsonObject ticketEvent(Ticket ticket, Instant time) {
        return EventEnvelope.of(ticket(TicketView.of(ticket)), time).toJson();
    }

    private static <T> T or(Optional<T> value) {
        return value.orElse(null);
    }
}
