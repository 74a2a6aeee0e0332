package org.calldesk.application.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calldesk.contract.event.EventEnvelope;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.domain.model.call.CallDirection;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.customer.Customer;
import org.calldesk.domain.model.ticket.TicketEntryKind;
import org.calldesk.domain.model.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/** The read models reach the wire with every field they have, absent ones left out, enums by name. */
class WireBodiesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");
    private static final Instant T1 = Instant.parse("2026-11-27T10:15:31.402Z");

    @Test
    void aCallCarriesEveryFieldItHas() {
        CallView view = new CallView("c1", "p1", CallDirection.INBOUND, CallStatus.ENDED, "0101", Optional.of("1588"),
                T0, Optional.of(T1), Optional.of("DISCONNECTED"), Optional.of("support"), Optional.of("agent1"),
                Optional.of("agent2"), Optional.of("02"), Optional.of(T0), Optional.of(T1), Optional.of(T1),
                Optional.of("agent1"), Optional.of("t1"), Optional.of(new Customer("cu1", "Kim", " ", null)), 5);

        assertThat(WireBodies.call(view).toJson().toString()).isEqualTo("{\"id\":\"c1\",\"pbxCallId\":\"p1\","
                + "\"direction\":\"INBOUND\",\"status\":\"ENDED\",\"customerNumber\":\"0101\","
                + "\"startedAt\":\"2026-11-27T10:15:00Z\",\"sequence\":5,\"serviceNumber\":\"1588\","
                + "\"serviceId\":\"support\",\"agentId\":\"agent1\",\"consultAgentId\":\"agent2\","
                + "\"sendingNumber\":\"02\",\"offeredAt\":\"2026-11-27T10:15:00Z\","
                + "\"offerExpiresAt\":\"2026-11-27T10:15:31.402Z\",\"connectedAt\":\"2026-11-27T10:15:31.402Z\","
                + "\"endedAt\":\"2026-11-27T10:15:31.402Z\",\"endCause\":\"DISCONNECTED\",\"disconnectedBy\":\"agent1\","
                + "\"ticketId\":\"t1\",\"customer\":{\"id\":\"cu1\",\"name\":\"Kim\"}}");
    }

    @Test
    void anAgentsTimeInStatusIsCountedToTheTimeGivenAndNeverNegative() {
        AgentView view = new AgentView("agent1", "Alice", "1001", "PJSIP/1001", AgentRole.AGENT, Set.of("support"),
                AgentStatus.BUSINESS, Optional.of(BusinessReason.TICKET), T0, Optional.empty(), 9);

        assertThat(WireBodies.agent(view, T1).secondsInStatus()).isEqualTo(31);
        assertThat(WireBodies.agent(view, T0.minusSeconds(5)).secondsInStatus()).isZero();
        assertThat(WireBodies.agent(view, T1).toJson().toString()).isEqualTo("{\"id\":\"agent1\",\"name\":\"Alice\","
                + "\"agentNumber\":\"1001\",\"device\":\"PJSIP/1001\",\"role\":\"AGENT\",\"serviceIds\":[\"support\"],"
                + "\"status\":\"BUSINESS\",\"statusSince\":\"2026-11-27T10:15:00Z\",\"secondsInStatus\":31,"
                + "\"sequence\":9,\"businessReason\":\"TICKET\"}");
    }

    @Test
    void aStatusChangeAndAServiceCarryTheirDurationsInTheirUnits() {
        StatusChangeView change = new StatusChangeView("s1", "agent1", AgentStatus.READY, Optional.empty(),
                AgentStatus.BUSINESS, Optional.of(BusinessReason.MEETING), T0, Duration.ofMillis(31402), T1,
                Optional.of("c1"));
        ServiceView service = new ServiceView("support", "Support", "bye", Duration.ofSeconds(20), false,
                Set.of("1588"), Set.of("02"));

        assertThat(WireBodies.statusChange(change).toJson().toString()).isEqualTo("{\"id\":\"s1\","
                + "\"agentId\":\"agent1\",\"status\":\"READY\",\"previousStatus\":\"BUSINESS\","
                + "\"previousSince\":\"2026-11-27T10:15:00Z\",\"previousDurationMillis\":31402,"
                + "\"changedAt\":\"2026-11-27T10:15:31.402Z\",\"previousBusinessReason\":\"MEETING\",\"callId\":\"c1\"}");
        assertThat(WireBodies.service(service).toJson().toString()).isEqualTo("{\"id\":\"support\","
                + "\"name\":\"Support\",\"announcement\":\"bye\",\"offerTimeoutSeconds\":20,\"callEnabled\":false,"
                + "\"dialledNumbers\":[\"1588\"],\"sendingNumbers\":[\"02\"]}");
    }

    @Test
    void aTicketsEventIsNamedForItsLastEntry() {
        TicketView ticket = new TicketView("t1", "support", Optional.of("c1"), "0101", Optional.empty(),
                TicketStatus.PENDING, Optional.of("agent1"), T0, T1,
                List.of(new TicketEntryView("e1", TicketEntryKind.CREATED, Optional.empty(), "agent1", T0),
                        new TicketEntryView("e2", TicketEntryKind.COMMENT, Optional.of("call back"), "agent1", T1)),
                2);

        EventEnvelope event = EventEnvelope.of(WireBodies.ticket(ticket), T1);

        assertThat(event.type()).isEqualTo("ticket.commented");
        assertThat(event.toJson().getJsonObject("data").toString()).isEqualTo("{\"id\":\"t1\","
                + "\"serviceId\":\"support\",\"customerNumber\":\"0101\",\"status\":\"PENDING\","
                + "\"createdAt\":\"2026-11-27T10:15:00Z\",\"updatedAt\":\"2026-11-27T10:15:31.402Z\",\"sequence\":2,"
                + "\"entries\":[{\"id\":\"e1\",\"kind\":\"CREATED\",\"author\":\"agent1\","
                + "\"at\":\"2026-11-27T10:15:00Z\"},{\"id\":\"e2\",\"kind\":\"COMMENT\",\"author\":\"agent1\","
                + "\"at\":\"2026-11-27T10:15:31.402Z\",\"body\":\"call back\"}],\"callId\":\"c1\","
                + "\"assigneeId\":\"agent1\"}");
    }
}
