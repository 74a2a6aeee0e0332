package org.calldesk.infrastructure.messaging.jms;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Objects;
import java.util.function.Function;
import org.calldesk.application.Actor;
import org.calldesk.application.CallControlService;
import org.calldesk.application.Failure;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.TicketService;
import org.calldesk.application.view.TicketView;
import org.calldesk.application.view.WireBodies;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;

/**
 * Reads and carries out one command of an external system from the command queue:
 * {@code dial} (click-to-dial for an agent), {@code ticket.create} and the ticket changes
 * {@code ticket.comment}, {@code ticket.resolve}, {@code ticket.pending}, {@code ticket.reopen}.
 * Commands act as the integration ({@value #INTEGRATION}), which may act for any agent and on any
 * ticket but manages nothing (see {@link Actor}).
 */
@ApplicationScoped
public class IntegrationCommandHandler {

    /** Who commands act as; the author of their ticket entries. */
    public static final String INTEGRATION = "integration";
    private static final Actor ACTOR = Actor.integration(INTEGRATION);
    private static final String COMMANDS = "dial, ticket.create, ticket.comment, ticket.resolve, ticket.pending, ticket.reopen";

    /** How a command went: carried out, refused by the contact center, or not a command at all. */
    public enum Status { OK, REFUSED, MALFORMED }

    /** The outcome and the reply to send for it; {@code reason} says why a command is malformed. */
    public record Outcome(Status status, JsonObject reply, String reason) {
    }

    @Inject
    CallControlService calls;

    @Inject
    TicketService tickets;

    public IntegrationCommandHandler() {
    }

    IntegrationCommandHandler(CallControlService calls, TicketService tickets) {
        this.calls = calls;
        this.tickets = tickets;
    }

    public Outcome handle(String body) {
        JsonObject command;
        try {
            JsonValue value = WireJson.PROVIDER.createReader(new StringReader(Objects.requireNonNullElse(body, ""))).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return malformed(null, "a command is a JSON object");
            }
            command = value.asJsonObject();
        } catch (JsonException e) {
            return malformed(null, "not JSON: " + e.getMessage());
        }
        String name = command.getString("command", null);
        if (name == null) {
            return malformed(null, "no \"command\" (" + COMMANDS + ")");
        }
        try {
            switch (name) {
                case "dial":
                    return ok(name, WireBodies.call(calls.dial(ACTOR, new CallControlService.DialRequest(
                            required(command, "agentId"), required(command, "serviceId"),
                            required(command, "customerNumber"), command.getString("sendingNumber", null)))));
                case "ticket.create":
                    return ok(name, WireBodies.ticket(tickets.create(ACTOR, new TicketService.NewTicket(
                            required(command, "serviceId"), required(command, "customerNumber"),
                            optional(command, "assigneeId"), optional(command, "text")))));
                case "ticket.comment":
                    return ticket(name, command, id -> tickets.comment(ACTOR, id, required(command, "text")));
                case "ticket.resolve":
                    return ticket(name, command, id -> tickets.resolve(ACTOR, id));
                case "ticket.pending":
                    return ticket(name, command, id -> tickets.setPending(ACTOR, id));
                case "ticket.reopen":
                    return ticket(name, command, id -> tickets.reopen(ACTOR, id));
                default:
                    return malformed(name, "unknown command \"" + name + "\" (" + COMMANDS + ")");
            }
        } catch (MissingField e) {
            return malformed(name, e.getMessage());
        } catch (ClassCastException e) {
            return malformed(name, "a field has the wrong type: " + e.getMessage());
        } catch (RequestRefused e) {
            return refused(name, e.code(), e.getMessage());
        } catch (EJBException e) {
            // a concurrent change is no refusal of the command: like any other failure, it may be sent again
            return Failure.of(e) instanceof Failure.Refused refused
                    ? refused(name, refused.refusal().code(), refused.refusal().getMessage())
                    : refused(name, "FAILED", "the command failed; it may be sent again: " + e.getMessage());
        }
    }

    private Outcome ticket(String name, JsonObject command, Function<String, TicketView> change) {
        return ok(name, WireBodies.ticket(change.apply(required(command, "ticketId"))));
    }

    private static String required(JsonObject command, String field) {
        JsonValue value = command.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING
                || command.getString(field).isBlank()) {
            throw new MissingField("\"" + field + "\" (a string) is required");
        }
        return command.getString(field);
    }

    private static String optional(JsonObject command, String field) {
        JsonValue value = command.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MissingField("\"" + field + "\" must be a string");
        }
        return command.getString(field);
    }

    private static Outcome ok(String name, JsonBody result) {
        return new Outcome(Status.OK, reply(name, "ok").add("result", result.toJson()).build(), null);
    }

    private static Outcome refused(String name, String code, String detail) {
        return new Outcome(Status.REFUSED,
                reply(name, "refused").add("code", code).add("detail", String.valueOf(detail)).build(), null);
    }

    static Outcome malformed(String name, String reason) {
        return new Outcome(Status.MALFORMED, reply(name, "malformed").add("detail", reason).build(), reason);
    }

    private static JsonObjectBuilder reply(String name, String status) {
        JsonObjectBuilder json = WireJson.PROVIDER.createObjectBuilder().add("status", status);
        if (name != null) {
            json.add("command", name);
        }
        return json;
    }

    private static final class MissingField extends RuntimeException {
        MissingField(String message) {
            super(message);
        }
    }
}
