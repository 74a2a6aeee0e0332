package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.calldesk.application.Actor;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.infrastructure.persistence.TestDatabase;
import org.calldesk.infrastructure.persistence.jpa.JpaAppliedPbxEvents;
import org.calldesk.infrastructure.persistence.jpa.JpaCallRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A PBX event is applied once by its id, on H2 and PostgreSQL: a second copy (another node's,
 * slipped past the broker's duplicate detection, late) changes nothing even where the same event
 * applied again would (a hold reported again after the retrieve).
 */
class AppliedOncePersistenceTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Actor ALICE = new Actor("alice", false);
    private static final PbxCallId CALL = new PbxCallId("9.1");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aLateCopyOfAHoldIsSkippedByItsIdWhileTheSameEventWithoutAnIdWouldApplyAgain(TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
            JpaHarness app = new JpaHarness(emf, clock);
            app.inTransaction(w -> w.cti().createService(ADMIN, "support", new ServiceDefinition("Customer Support",
                    "custom/abuse-warning", Duration.ofSeconds(25), true, Set.of("15880001"), Set.of("15880001"))));
            app.inTransaction(w -> w.cti().registerAgent(ADMIN, "alice", new AgentRegistration("Alice", "1001",
                    "PJSIP/1001", AgentRole.AGENT, Set.of("support"))));
            app.inTransaction(w -> w.agentService().logIn(ALICE, "alice"));
            app.inTransaction(w -> w.agentService().chooseStatus(ALICE, "alice", AgentStatus.READY, null));
            handle(app, new PbxReport.CallArrived(CALL, "0101", "15880001", clock.instant()), "pbx#1#CallArrived");
            handle(app, new PbxReport.CallArrived(CALL, "0101", "15880001", clock.instant()), "pbx#1#CallArrived");
            String callId = app.read(em -> new JpaCallRepository(em).findByPbxCallId(CALL.value()).orElseThrow().id());
            app.inTransaction(w -> w.routing().offerNextCall("support"));
            app.inTransaction(w -> w.callControl().confirm(ALICE, callId));
            handle(app, new PbxReport.CallAnswered(CALL, "PJSIP/1001", clock.instant()),
                    "pbx#5#CallAnswered");

            handle(app, new PbxReport.CallHeld(CALL, clock.instant()), "pbx#7#CallHeld");
            handle(app, new PbxReport.CallRetrieved(CALL, clock.instant()), "pbx#9#CallRetrieved");
            handle(app, new PbxReport.CallHeld(CALL, clock.instant()), "pbx#7#CallHeld");

            assertThat(status(app, callId)).as("the late copy of the hold changed nothing").isEqualTo(CallStatus.TALKING);
            boolean holdApplied = app.read(em -> new JpaAppliedPbxEvents(em).applied("pbx#7#CallHeld"));
            Object rows = app.read(em -> em.createNativeQuery("select count(*) from pbx_event_applied").getSingleResult());
            assertThat(holdApplied).isTrue();
            assertThat(String.valueOf(rows)).isEqualTo("4");

            handle(app, new PbxReport.CallHeld(CALL, clock.instant()), null);
            assertThat(status(app, callId)).as("without an id the same event applies again").isEqualTo(CallStatus.HOLDING);

            int forgotten = app.inTransaction(w -> w.callEvents().applied.forgetBefore(clock.instant().plusSeconds(1)));
            assertThat(forgotten).isEqualTo(4);
        }
    }

    private static void handle(JpaHarness app, PbxReport event, String eventId) {
        app.inTransaction(w -> {
            w.callEvents().handle(event, eventId);
            return null;
        });
    }

    private static CallStatus status(JpaHarness app, String callId) {
        return app.read(em -> new JpaCallRepository(em).find(callId).orElseThrow().status());
    }
}
