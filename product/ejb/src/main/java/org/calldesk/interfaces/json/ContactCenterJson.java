package org.calldesk.interfaces.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.CallView;
import org.calldesk.application.view.ServiceView;
import org.calldesk.application.view.StatusChangeView;
import org.calldesk.application.view.TicketEntryView;
import org.calldesk.application.view.TicketView;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketEntryKind;

/**
 * The one mapping of the domain to JSON. The REST API, the events topic and the consoles' push
 * all show the same shapes, documented in {@code docs/events.md}. Absent values are left out,
 * never written as null. It maps the application's read models ({@code application.view}); an
 * entity at hand (the outbox writes its events in the change's transaction) is read into its
 * read model first, so that the shape is written once.
 */
public final class ContactCenterJson {

    /** Version of the event envelope; bumped only for incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The JSON-P provider, looked up once for every JSON the application writes or reads.
     * {@code PROVIDER.createObjectBuilder()} and its siblings look the provider up anew on each
     * call, and in an application server that lookup scans class loaders for service files: it
     * was a tenth of the application's CPU under load (see docs/benchmark.md).
     */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private ContactCenterJson() {
    }

    public static JsonObject call(CallView call) {
        JsonObjectBuilder json = PROVIDER.createObjectBuilder()
                .add("id", call.id())
                .add("pbxCallId", call.pbxCallId())
                .add("direction", call.direction().name())
                .add("status", call.status().name())
                .add("customerNumber", call.customerNumber())
                .add("startedAt", call.startedAt().toString())
                .add("sequence", call.sequence());
        call.serviceNumber().ifPresent(number -> json.add("serviceNumber", number));
        call.serviceId().ifPresent(id -> json.add("serviceId", id));
        call.agentId().ifPresent(id -> json.add("agentId", id));
        call.consultAgentId().ifPresent(id -> json.add("consultAgentId", id));
        call.sendingNumber().ifPresent(number -> json.add("sendingNumber", number));
        addTime(json, "offeredAt", call.offeredAt());
        addTime(json, "offerExpiresAt", call.offerExpiresAt());
        addTime(json, "connectedAt", call.connectedAt());
        addTime(json, "endedAt", call.endedAt());
        call.endCause().ifPresent(cause -> json.add("endCause", cause));
        call.disconnectedBy().ifPresent(by -> json.add("disconnectedBy", by));
        call.ticketId().ifPresent(id -> json.add("ticketId", id));
        call.customer().ifPresent(customer -> json.add("customer", customer(customer)));
        return json.build();
    }

    /** @param now the time against which the time in the current status is given */
    public static JsonObject agent(AgentView agent, Instant now) {
        JsonObjectBuilder json = PROVIDER.createObjectBuilder()
                .add("id", agent.id())
                .add("name", agent.name())
                .add("agentNumber", agent.agentNumber())
                .add("device", agent.device())
                .add("role", agent.role().name())
                .add("serviceIds", strings(agent.serviceIds()))
                .add("status", agent.status().name())
                .add("statusSince", agent.statusSince().toString())
                .add("secondsInStatus", Math.max(0, agent.timeInStatus(now).getSeconds()))
                .add("sequence", agent.sequence());
        agent.businessReason().ifPresent(reason -> json.add("businessReason", reason.name()));
        agent.callId().ifPresent(id -> json.add("callId", id));
        return json.build();
    }

    public static JsonObject statusChange(StatusChangeView change) {
        JsonObjectBuilder json = PROVIDER.createObjectBuilder()
                .add("id", change.id())
                .add("agentId", change.agentId())
                .add("status", change.status().name())
                .add("previousStatus", change.previousStatus().name())
                .add("previousSince", change.previousSince().toString())
                .add("previousDurationMillis", change.previousDuration().toMillis())
                .add("changedAt", change.changedAt().toString());
        change.businessReason().ifPresent(reason -> json.add("businessReason", reason.name()));
        change.previousBusinessReason().ifPresent(reason -> json.add("previousBusinessReason", reason.name()));
        change.callId().ifPresent(id -> json.add("callId", id));
        return json.build();
    }

    public static JsonObject service(ServiceView service) {
        return PROVIDER.createObjectBuilder()
                .add("id", service.id())
                .add("name", service.name())
                .add("announcement", service.announcement())
                .add("offerTimeoutSeconds", service.offerTimeout().getSeconds())
                .add("callEnabled", service.callEnabled())
                .add("dialledNumbers", strings(service.dialledNumbers()))
                .add("sendingNumbers", strings(service.sendingNumbers()))
                .build();
    }

    public static JsonObject ticket(TicketView ticket) {
        JsonArrayBuilder entries = PROVIDER.createArrayBuilder();
        ticket.entries().forEach(entry -> entries.add(ticketEntry(entry)));
        JsonObjectBuilder json = PROVIDER.createObjectBuilder()
                .add("id", ticket.id())
                .add("serviceId", ticket.serviceId())
                .add("customerNumber", ticket.customerNumber())
                .add("status", ticket.status().name())
                .add("createdAt", ticket.createdAt().toString())
                .add("updatedAt", ticket.updatedAt().toString())
                .add("sequence", ticket.sequence())
                .add("entries", entries);
        ticket.callId().ifPresent(id -> json.add("callId", id));
        ticket.assigneeId().ifPresent(id -> json.add("assigneeId", id));
        ticket.customer().ifPresent(customer -> json.add("customer", customer(customer)));
        return json.build();
    }

    /** The screen pop's card of the caller: {@code id}, {@code name}, {@code company}, {@code url}. */
    public static JsonObject customer(Customer customer) {
        JsonObjectBuilder json = PROVIDER.createObjectBuilder()
                .add("id", customer.id())
                .add("name", customer.name());
        customer.companyName().ifPresent(company -> json.add("company", company));
        customer.link().ifPresent(url -> json.add("url", url));
        return json.build();
    }

    public static JsonObject ticketEntry(TicketEntryView entry) {
        JsonObjectBuilder json = PROVIDER.createObjectBuilder()
                .add("id", entry.id())
                .add("kind", entry.kind().name())
                .add("author", entry.author())
                .add("at", entry.writtenAt().toString());
        entry.body().ifPresent(body -> json.add("body", body));
        return json.build();
    }

    /** The event of a call's change: type {@code call.<status>}, e.g. {@code call.waiting}. */
    public static JsonObject callEvent(Call call, Instant time) {
        return callEvent(CallView.of(call), time);
    }

    private static JsonObject callEvent(CallView call, Instant time) {
        return event("call." + lower(call.status().name()), "call", call.id(), call.sequence(), call(call), time);
    }

    /** The event of an agent's change: type {@code agent.<status>}, e.g. {@code agent.ready}. */
    public static JsonObject agentEvent(Agent agent, Instant time) {
        return agentEvent(AgentView.of(agent), time);
    }

    private static JsonObject agentEvent(AgentView agent, Instant time) {
        return event("agent." + lower(agent.status().name()), "agent", agent.id(), agent.sequence(),
                agent(agent, time), time);
    }

    /** The event of a ticket's change, named for its last entry: {@code ticket.created}, {@code ticket.resolved}... */
    public static JsonObject ticketEvent(Ticket ticket, Instant time) {
        return ticketEvent(TicketView.of(ticket), time);
    }

    private static JsonObject ticketEvent(TicketView ticket, Instant time) {
        return event("ticket." + ticketEventName(ticket.lastEntry().kind()), "ticket", ticket.id(), ticket.sequence(),
                ticket(ticket), time);
    }

    /** The envelope of every event on the events topic. */
    private static JsonObject event(String type, String kind, String subjectId, long sequence, JsonObject data,
                                    Instant time) {
        return PROVIDER.createObjectBuilder()
                .add("schema", SCHEMA_VERSION)
                .add("type", type)
                .add("id", UUID.randomUUID().toString())
                .add("time", time.toString())
                .add("subject", PROVIDER.createObjectBuilder().add("kind", kind).add("id", subjectId))
                .add("sequence", sequence)
                .add("data", data)
                .build();
    }

    private static String ticketEventName(TicketEntryKind kind) {
        if (kind == TicketEntryKind.COMMENT) {
            return "commented";
        }
        return lower(kind.name());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static void addTime(JsonObjectBuilder json, String name, Optional<Instant> time) {
        time.ifPresent(at -> json.add(name, at.toString()));
    }
}
