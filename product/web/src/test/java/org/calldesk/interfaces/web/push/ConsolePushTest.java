package org.calldesk.interfaces.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ConsolePushTest {

    private static JsonObject subject(String kind, String id) {
        return Json.createObjectBuilder().add("kind", kind).add("id", id).build();
    }

    @Test
    void anAgentEventGoesToThatAgentsConsoles() {
        assertThat(ConsolePush.concerned("agent", subject("agent", "agent1"), JsonObject.EMPTY_JSON_OBJECT))
                .containsExactly("agent1");
    }

    @Test
    void aCallEventGoesToTheAgentWhoHasItAndTheAgentConsulted() {
        JsonObject call = Json.createObjectBuilder().add("agentId", "agent1").add("consultAgentId", "agent2").build();
        assertThat(ConsolePush.concerned("call", subject("call", "c-1"), call)).containsExactly("agent1", "agent2");
    }

    @Test
    void aWaitingCallConcernsNoConsole() {
        JsonObject call = Json.createObjectBuilder().add("status", "WAITING").build();
        assertThat(ConsolePush.concerned("call", subject("call", "c-1"), call)).isEmpty();
    }

    @Test
    void aTicketEventGoesToItsAssignee() {
        JsonObject ticket = Json.createObjectBuilder().add("assigneeId", "agent2").build();
        assertThat(ConsolePush.concerned("ticket", subject("ticket", "t-1"), ticket)).containsExactly("agent2");
    }

    @Test
    void theNodeCountsEachUsersOpenConsolesAndForgetsThemWhenClosed() {
        OpenConsoles open = new OpenConsoles();
        assertThat(open.any()).isFalse();

        open.opened(ConsolePush.CONSOLE_CHANNEL, "agent1");
        open.opened(ConsolePush.CONSOLE_CHANNEL, "agent1"); // a second tab
        open.opened(ConsolePush.SUPERVISION_CHANNEL, null);
        assertThat(open.withConsoleOpen(java.util.List.of("agent1", "agent2"))).containsExactly("agent1");
        assertThat(open.anyOn(ConsolePush.SUPERVISION_CHANNEL)).isTrue();

        open.closed(ConsolePush.CONSOLE_CHANNEL, "agent1");
        assertThat(open.withConsoleOpen(java.util.List.of("agent1"))).as("the other tab is still open").containsExactly("agent1");
        open.closed(ConsolePush.CONSOLE_CHANNEL, "agent1");
        open.closed(ConsolePush.SUPERVISION_CHANNEL, null);
        assertThat(open.withConsoleOpen(java.util.List.of("agent1"))).isEmpty();
        assertThat(open.any()).isFalse();
    }
}
