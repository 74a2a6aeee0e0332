package org.calldesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntegrationAccessFilterTest {

    @Test
    void anIntegrationReadsCallsTicketsAgentsAndServices() {
        assertThat(IntegrationAccessFilter.allowed("GET", "v1/calls")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("GET", "v1/calls/0c8f")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("GET", "v1/tickets/7d1e")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("GET", "v1/agents/agent1/status-history")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("GET", "v1/services/support/sending-numbers")).isTrue();
    }

    @Test
    void anIntegrationDialsAndCreatesAndChangesTickets() {
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/calls")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/tickets")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/tickets/7d1e/comments")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/tickets/7d1e/resolve")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/tickets/7d1e/pending")).isTrue();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/tickets/7d1e/reopen")).isTrue();
    }

    @Test
    void anIntegrationManagesNothingAndControlsNoCall() {
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/agents")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("PUT", "v1/agents/agent1")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("PUT", "v1/agents/agent1/status")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/agents/agent1/cti-login")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/services")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("DELETE", "v1/services/support/sending-numbers/0215880001")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/calls/0c8f/disconnect")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("POST", "v1/integration/keys")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("GET", "v1/integration/audit")).isFalse();
        assertThat(IntegrationAccessFilter.allowed("GET", "v1/integration/keys")).isFalse();
    }
}
