package org.calldesk.contract.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each resource as docs/events.md and docs/api.md document it: field names, order and types, absent
 * values left out (never null), times as ISO-8601 UTC.
 */
class ResourceBodiesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");
    private static final Instant T1 = Instant.parse("2026-11-27T10:15:31.402Z");

    @Test
    void aCallWithEveryFieldIsWrittenAsDocumented() {
        CallBody call = new CallBody("c1", "1732711111.7", "INBOUND", "ENDED", "01012345678", T0, 3,
                "15880001", "support", "agent1", "agent2", "0215880001", T0, T1, T1, T1, "DISCONNECTED", "agent1",
                "t1", new CustomerCard("cu1", "Kim", "Acme", "https://crm/cu1"));

        assertThat(call.toJson().toString()).isEqualTo("{\"id\":\"c1\",\"pbxCallId\":\"1732711111.7\","
                + "\"direction\":\"INBOUND\",\"status\":\"ENDED\",\"customerNumber\":\"01012345678\","
                + "\"startedAt\":\"2026-11-27T10:15:00Z\",\"sequence\":3,\"serviceNumber\":\"15880001\","
                + "\"serviceId\":\"support\",\"agentId\":\"agent1\",\"consultAgentId\":\"agent2\","
                + "\"sendingNumber\":\"0215880001\",\"offeredAt\":\"2026-11-27T10:15:00Z\","
                + "\"offerExpiresAt\":\"2026-11-27T10:15:31.402Z\",\"connectedAt\":\"2026-11-27T10:15:31.402Z\","
                + "\"endedAt\":\"2026-11-27T10:15:31.402Z\",\"endCause\":\"DISCONNECTED\","
                + "\"disconnectedBy\":\"agent1\",\"ticketId\":\"t1\","
                + "\"customer\":{\"id\":\"cu1\",\"name\":\"Kim\",\"company\":\"Acme\",\"url\":\"https://crm/cu1\"}}");
    }

    @Test
    void aWaitingCallLeavesOutWhatItDoesNotHaveYet() {
        CallBody call = new CallBody("c1", "p1", "INBOUND", "WAITING", "0101", T0, 1, "1588", "support", null,
                null, null, null, null, null, null, null, null, null, null);

        assertThat(call.toJson().toString()).isEqualTo("{\"id\":\"c1\",\"pbxCallId\":\"p1\",\"direction\":"
                + "\"INBOUND\",\"status\":\"WAITING\",\"customerNumber\":\"0101\",\"startedAt\":"
                + "\"2026-11-27T10:15:00Z\",\"sequence\":1,\"serviceNumber\":\"1588\",\"serviceId\":\"support\"}");
    }

    @Test
    void anAgentIsWrittenAsDocumented() {
        AgentBody agent = new AgentBody("agent1", "Alice Agent", "1001", "PJSIP/1001", "AGENT",
                Set.of("support"), "BUSINESS", T0, 12, 9, "TICKET", "c1");

        assertThat(agent.toJson().toString()).isEqualTo("{\"id\":\"agent1\",\"name\":\"Alice Agent\","
                + "\"agentNumber\":\"1001\",\"device\":\"PJSIP/1001\",\"role\":\"AGENT\",\"serviceIds\":[\"support\"],"
                + "\"status\":\"BUSINESS\",\"statusSince\":\"2026-11-27T10:15:00Z\",\"secondsInStatus\":12,"
                + "\"sequence\":9,\"businessReason\":\"TICKET\",\"callId\":\"c1\"}");
        assertThat(new AgentBody("a", "A", "1", "d", "ADMIN", Set.of(), "READY", T0, 0, 1, null, null)
                .toJson().toString()).doesNotContain("businessReason", "callId", "null");
    }

    @Test
    void aStatusChangeIsWrittenAsDocumented() {
        StatusChangeBody change = new StatusChangeBody("s1", "agent1", "BUSINESS", "READY", T0, 31402, T1,
                "MEETING", null, null);

        assertThat(change.toJson().toString()).isEqualTo("{\"id\":\"s1\",\"agentId\":\"agent1\","
                + "\"status\":\"BUSINESS\",\"previousStatus\":\"READY\",\"previousSince\":\"2026-11-27T10:15:00Z\","
                + "\"previousDurationMillis\":31402,\"changedAt\":\"2026-11-27T10:15:31.402Z\","
                + "\"businessReason\":\"MEETING\"}");
    }

    @Test
    void aServiceIsWrittenAsDocumented() {
        ServiceBody service = new ServiceBody("support", "Support", "goodbye", 15, true, Set.of("15880001"),
                Set.of());

        assertThat(service.toJson().toString()).isEqualTo("{\"id\":\"support\",\"name\":\"Support\","
                + "\"announcement\":\"goodbye\",\"offerTimeoutSeconds\":15,\"callEnabled\":true,"
                + "\"dialledNumbers\":[\"15880001\"],\"sendingNumbers\":[]}");
    }

    @Test
    void aTicketIsWrittenWithItsHistoryAsDocumented() {
        TicketBody ticket = new TicketBody("t1", "support", "0101", "OPEN", T0, T1, 2,
                List.of(new TicketEntryBody("e1", "CREATED", "agent1", T0, null),
                        new TicketEntryBody("e2", "COMMENT", "agent1", T1, "wants a callback")),
                "c1", "agent1", null);

        assertThat(ticket.toJson().toString()).isEqualTo("{\"id\":\"t1\",\"serviceId\":\"support\","
                + "\"customerNumber\":\"0101\",\"status\":\"OPEN\",\"createdAt\":\"2026-11-27T10:15:00Z\","
                + "\"updatedAt\":\"2026-11-27T10:15:31.402Z\",\"sequence\":2,\"entries\":["
                + "{\"id\":\"e1\",\"kind\":\"CREATED\",\"author\":\"agent1\",\"at\":\"2026-11-27T10:15:00Z\"},"
                + "{\"id\":\"e2\",\"kind\":\"COMMENT\",\"author\":\"agent1\",\"at\":\"2026-11-27T10:15:31.402Z\","
                + "\"body\":\"wants a callback\"}],\"callId\":\"c1\",\"assigneeId\":\"agent1\"}");
        assertThat(ticket.lastEntryKind()).isEqualTo("COMMENT");
    }

    @Test
    void anApiKeyShowsItsKeyOnlyWhenIssued() {
        IntegrationKeyBody key = new IntegrationKeyBody("k1", "crm", "cdk_abcd", "integration:crm", true, T0,
                "admin", null, null, null);

        assertThat(key.toJson().toString()).isEqualTo("{\"id\":\"k1\",\"name\":\"crm\",\"keyPrefix\":\"cdk_abcd\","
                + "\"principal\":\"integration:crm\",\"active\":true,\"createdAt\":\"2026-11-27T10:15:00Z\","
                + "\"createdBy\":\"admin\"}");
        assertThat(key.withKey("cdk_secret").toJson().getString("key")).isEqualTo("cdk_secret");
        assertThat(new IntegrationKeyBody("k1", "crm", "p", "i", false, T0, "admin", T1, "admin", null).toJson()
                .toString()).endsWith("\"revokedAt\":\"2026-11-27T10:15:31.402Z\",\"revokedBy\":\"admin\"}");
    }

    @Test
    void anAuditEntryIsWrittenAsDocumented() {
        AuditEntryBody entry = new AuditEntryBody("a1", T0, "integration:crm", "REST", "POST", "/api/v1/tickets",
                201, "k1", "crm", "127.0.0.1");

        assertThat(entry.toJson().toString()).isEqualTo("{\"id\":\"a1\",\"at\":\"2026-11-27T10:15:00Z\","
                + "\"principal\":\"integration:crm\",\"channel\":\"REST\",\"action\":\"POST\","
                + "\"target\":\"/api/v1/tickets\",\"outcome\":201,\"keyId\":\"k1\",\"keyName\":\"crm\","
                + "\"remote\":\"127.0.0.1\"}");
    }
}
