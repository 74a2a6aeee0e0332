package org.calldesk.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.calldesk.application.CallControlService;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.TicketService;
import org.calldesk.application.view.CallView;
import org.calldesk.application.view.TicketView;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.ticket.Ticket;
import org.junit.jupiter.api.Test;

class IntegrationCommandHandlerTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    private final List<Object> received = new ArrayList<>();
    private RuntimeException refusal;

    private final CallControlService calls = (CallControlService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CallControlService.class}, (proxy, method, args) -> {
                if (refusal != null) {
                    throw refusal;
                }
                received.add(args[1]);
                CallControlService.DialRequest request = (CallControlService.DialRequest) args[1];
                return CallView.of(Call.dialled("pending:1", request.serviceId(), request.agentId(),
                        request.customerNumber(), "0215880001", AT));
            });

    private final TicketService tickets = (TicketService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {TicketService.class}, (proxy, method, args) -> {
                received.add(method.getName() + " " + args[1] + (args.length > 2 ? " " + args[2] : ""));
                Ticket ticket = Ticket.forCall("support", "call-1", "0101", "agent1", AT);
                ticket.comment("integration", "from the CRM", AT);
                return TicketView.of(ticket);
            });

    private final IntegrationCommandHandler handler = new IntegrationCommandHandler(calls, tickets);

    @Test
    void clickToDialDialsForTheAgentAndRepliesWithTheCall() {
        IntegrationCommandHandler.Outcome outcome = handler.handle(
                "{\"command\":\"dial\",\"agentId\":\"agent1\",\"serviceId\":\"support\",\"customerNumber\":\"01099998888\"}");

        assertThat(outcome.status()).isEqualTo(IntegrationCommandHandler.Status.OK);
        assertThat(received).containsExactly(
                new CallControlService.DialRequest("agent1", "support", "01099998888", null));
        assertThat(outcome.reply().getString("status")).isEqualTo("ok");
        assertThat(outcome.reply().getJsonObject("result").getString("status")).isEqualTo("DIALING");
    }

    @Test
    void ticketCommandsChangeTheTicket() {
        IntegrationCommandHandler.Outcome outcome = handler.handle(
                "{\"command\":\"ticket.comment\",\"ticketId\":\"t-1\",\"text\":\"from the CRM\"}");

        assertThat(outcome.status()).isEqualTo(IntegrationCommandHandler.Status.OK);
        assertThat(received).containsExactly("comment t-1 from the CRM");
        assertThat(handler.handle("{\"command\":\"ticket.resolve\",\"ticketId\":\"t-1\"}").status())
                .isEqualTo(IntegrationCommandHandler.Status.OK);
    }

    @Test
    void ticketCreateOpensATicketForTheCustomer() {
        IntegrationCommandHandler.Outcome outcome = handler.handle("{\"command\":\"ticket.create\",\"serviceId\":\"support\","
                + "\"customerNumber\":\"01055556666\",\"assigneeId\":\"agent1\",\"text\":\"wrote to us\"}");

        assertThat(outcome.status()).isEqualTo(IntegrationCommandHandler.Status.OK);
        assertThat(received).containsExactly(
                "create " + new TicketService.NewTicket("support", "01055556666", "agent1", "wrote to us"));
        assertThat(outcome.reply().getString("command")).isEqualTo("ticket.create");
        assertThat(handler.handle("{\"command\":\"ticket.create\",\"serviceId\":\"support\"}").reason())
                .contains("customerNumber");
        assertThat(handler.handle("{\"command\":\"ticket.create\",\"serviceId\":\"support\",\"customerNumber\":\"1\","
                + "\"assigneeId\":7}").status()).isEqualTo(IntegrationCommandHandler.Status.MALFORMED);
    }

    @Test
    void aRefusalIsRepliedWithItsCode() {
        refusal = new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.STATUS_TRANSITION_REFUSED, "agent1 is talking");

        IntegrationCommandHandler.Outcome outcome = handler.handle(
                "{\"command\":\"dial\",\"agentId\":\"agent1\",\"serviceId\":\"support\",\"customerNumber\":\"0109\"}");

        assertThat(outcome.status()).isEqualTo(IntegrationCommandHandler.Status.REFUSED);
        assertThat(outcome.reply().getString("code")).isEqualTo("STATUS_TRANSITION_REFUSED");
        assertThat(outcome.reply().getString("detail")).contains("agent1 is talking");
    }

    @Test
    void malformedCommandsSayWhyAndDoNothing() {
        assertThat(handler.handle("dial agent1").reason()).startsWith("not JSON");
        assertThat(handler.handle("[1]").reason()).isEqualTo("a command is a JSON object");
        assertThat(handler.handle("{\"agentId\":\"agent1\"}").reason()).startsWith("no \"command\"");
        assertThat(handler.handle("{\"command\":\"explode\"}").reason()).startsWith("unknown command \"explode\" (dial, ticket.create");
        assertThat(handler.handle("{\"command\":\"dial\",\"agentId\":\"agent1\"}").reason())
                .isEqualTo("\"serviceId\" (a string) is required");
        assertThat(handler.handle("{\"command\":\"ticket.resolve\",\"ticketId\":7}").status())
                .isEqualTo(IntegrationCommandHandler.Status.MALFORMED);
        assertThat(received).isEmpty();
    }
}
