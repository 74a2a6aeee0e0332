package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calldesk.application.Actor;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.pbx.CallEndCause;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.AgentStatusChange;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.service.Service;
import org.calldesk.domain.model.ticket.Ticket;
import org.calldesk.domain.model.ticket.TicketStatus;
import org.calldesk.infrastructure.persistence.TestDatabase;
import org.calldesk.infrastructure.persistence.jpa.JpaAgentRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaCallRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaServiceRepository;
import org.calldesk.infrastructure.persistence.jpa.JpaTicketRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CTI set-up, a whole inbound call and its ticket survive the database, on H2 and PostgreSQL alike. */
class CtiPersistenceTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Actor ALICE = new Actor("alice", false);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCallFromArrivalToResolvedTicketReadsBackWithItsHistory(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00.123456Z"));
            JpaHarness app = new JpaHarness(emf, clock);
            app.inTransaction(w -> w.cti().createService(ADMIN, "support", new ServiceDefinition("Customer Support",
                    "custom/abuse-warning", Duration.ofSeconds(25), true, Set.of("15880001"),
                    Set.of("15880001", "0215880001"))));
            app.inTransaction(w -> w.cti().registerAgent(ADMIN, "alice", new AgentRegistration("Alice", "1001",
                    "PJSIP/1001", AgentRole.AGENT, Set.of("support"))));
            app.inTransaction(w -> w.agentService().logIn(ALICE, "alice"));
            clock.advance(Duration.ofSeconds(3));
            app.inTransaction(w -> w.agentService().chooseStatus(ALICE, "alice", AgentStatus.READY, null));
            app.inTransaction(w -> {
                w.callEvents().handle(new PbxReport.CallArrived(new PbxCallId("9.1"), "0101", "15880001", clock.instant()));
                return null;
            });
            String callId = app.read(em -> new JpaCallRepository(em).findByPbxCallId("9.1").orElseThrow().id());
            app.inTransaction(w -> w.routing().offerNextCall("support"));
            app.inTransaction(w -> {
                w.callEvents().handle(new PbxReport.CallAnswered(new PbxCallId("9.1"), "PJSIP/1001",
                        clock.instant()));
                return null;
            });
            CallStatus beforeConfirm = app.read(em -> new JpaCallRepository(em).find(callId).orElseThrow().status());
            assertThat(beforeConfirm).as("an answer reported before any Confirm connects nothing").isEqualTo(CallStatus.OFFERED);
            app.inTransaction(w -> w.callControl().confirm(ALICE, callId));
            app.inTransaction(w -> {
                w.callEvents().handle(new PbxReport.CallAnswered(new PbxCallId("9.1"), "PJSIP/1001",
                        clock.instant()));
                return null;
            });
            app.inTransaction(w -> {
                w.callEvents().handle(new PbxReport.CallEnded(new PbxCallId("9.1"), CallEndCause.CUSTOMER_HANGUP, clock.instant()));
                return null;
            });
            app.inTransaction(w -> w.agentService().finishCall(ALICE, "alice", false));
            String ticketId = app.read(em -> new JpaCallRepository(em).find(callId).orElseThrow().ticketId().orElseThrow());
            app.inTransaction(w -> w.tickets().comment(ALICE, ticketId, "wants a callback"));
            app.inTransaction(w -> w.tickets().resolve(ALICE, ticketId));

            Service service = app.read(em -> new JpaServiceRepository(em).findByDialledNumber("15880001").orElseThrow());
            assertThat(service.sendingNumbers()).containsExactly("0215880001", "15880001");
            assertThat(service.offerTimeout()).isEqualTo(Duration.ofSeconds(25));

            Call call = app.read(em -> new JpaCallRepository(em).find(callId).orElseThrow());
            assertThat(call.serviceId()).contains("support");
            assertThat(call.agentId()).contains("alice");
            assertThat(call.endCause()).contains("CUSTOMER_HANGUP");
            assertThat(call.connectedAt()).contains(clock.instant());

            Optional<BusinessReason> reason = app.read(em -> new JpaAgentRepository(em).find("alice").orElseThrow()
                    .businessReason());
            assertThat(reason).contains(BusinessReason.TICKET);
            List<AgentStatusChange> history = app.read(em -> new JpaAgentRepository(em).history("alice", 20));
            assertThat(history).extracting(AgentStatusChange::status).containsExactlyInAnyOrder(AgentStatus.REST,
                    AgentStatus.READY, AgentStatus.ALERTING, AgentStatus.TALKING, AgentStatus.AFTER_CALL,
                    AgentStatus.BUSINESS);
            assertThat(history).filteredOn(c -> c.status() == AgentStatus.READY).first()
                    .satisfies(c -> assertThat(c.previousDuration()).isEqualTo(Duration.ofSeconds(3)));

            Ticket ticket = app.read(em -> new JpaTicketRepository(em).findByCallId(callId).orElseThrow());
            assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(ticket.entries()).hasSize(3);
            assertThat(ticket.entries()).anySatisfy(e -> assertThat(e.body()).contains("wants a callback"));
            List<Ticket> resolvedOfAlice = app.read(em -> new JpaTicketRepository(em).search(TicketStatus.RESOLVED,
                    "alice", 10));
            List<Ticket> all = app.read(em -> new JpaTicketRepository(em).search(null, null, 10));
            assertThat(resolvedOfAlice).hasSize(1);
            assertThat(all).hasSize(1);
            emf.close();
        }
    }
}
