package org.calldesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.calldesk.application.Actor;
import org.calldesk.application.CtiManagementService.ServiceDefinition;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.TicketService.NewTicket;
import org.calldesk.domain.model.ticket.Ticket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ticket without a call takes a customer number as Dial up does, and stores nothing else. */
class TicketInputTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Actor CRM = Actor.integration("integration:crm");

    private final InMemoryRepositories repositories = new InMemoryRepositories();
    private final RecordingEvents events = new RecordingEvents();
    private Wiring app;

    @BeforeEach
    void setUp() {
        app = Wiring.over(repositories.callRepository, repositories.agentRepository, repositories.serviceRepository,
                repositories.ticketRepository, new FakePbx(), events, events,
                new MutableClock(Instant.parse("2026-12-07T09:00:00Z")));
        app.cti().createService(ADMIN, "support", new ServiceDefinition("Customer Support", "custom/abuse-warning",
                Duration.ofSeconds(20), true, Set.of("15880001"), Set.of("15880001")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "0101'; drop table ticket; --", "01",
            "012345678901234567890", "+49 30 1234", "", " "})
    void aCustomerNumberThatIsNotThreeToTwentyDigitsIsRefused(String number) {
        assertThatThrownBy(() -> app.tickets().create(CRM, new NewTicket("support", number, null, null)))
                .isInstanceOfSatisfying(RequestRefused.class, e -> {
                    assertThat(e.kind()).isEqualTo(RequestRefused.Kind.BAD_INPUT);
                    assertThat(e.code()).isIn("BAD_CUSTOMER_NUMBER", "BAD_INPUT");
                });
        assertThat(repositories.tickets).isEmpty();
        assertThat(events.published).noneMatch(event -> event.startsWith("ticket"));
    }

    @Test
    void aNumberLongerThanItsColumnIsRefusedNotStored() {
        assertThatThrownBy(() -> app.tickets().create(CRM, new NewTicket("support", "1".repeat(65), null, null)))
                .isInstanceOfSatisfying(RequestRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("BAD_CUSTOMER_NUMBER");
                    assertThat(e.getMessage()).hasSizeLessThan(120);
                });
        assertThat(repositories.tickets).isEmpty();
    }

    @Test
    void aFirstCommentLongerThanACommentMayBeIsRefusedBeforeAnythingIsStored() {
        String text = "x".repeat(Ticket.MAX_COMMENT_LENGTH + 1);
        assertThatThrownBy(() -> app.tickets().create(CRM, new NewTicket("support", "01055556666", null, text)))
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.code()).isEqualTo("BAD_INPUT"));
        assertThat(repositories.tickets).isEmpty();
        assertThat(events.published).noneMatch(event -> event.startsWith("ticket"));
    }

    @Test
    void aWellFormedNumberMakesATicket() {
        assertThat(app.tickets().create(CRM, new NewTicket("support", "01055556666", null, "hello")).customerNumber())
                .isEqualTo("01055556666");
    }
}
