package org.calldesk.domain.model.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calldesk.domain.model.agent.AgentStatus.AFTER_CALL;
import static org.calldesk.domain.model.agent.AgentStatus.ALERTING;
import static org.calldesk.domain.model.agent.AgentStatus.BUSINESS;
import static org.calldesk.domain.model.agent.AgentStatus.DIALING;
import static org.calldesk.domain.model.agent.AgentStatus.HOLDING;
import static org.calldesk.domain.model.agent.AgentStatus.LOGGED_OUT;
import static org.calldesk.domain.model.agent.AgentStatus.READY;
import static org.calldesk.domain.model.agent.AgentStatus.REST;
import static org.calldesk.domain.model.agent.AgentStatus.TALKING;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The status table of the design, written out again here so a change to either shows. */
class AgentStatusTest {

    private static final Map<AgentStatus, Set<AgentStatus>> TABLE = new EnumMap<>(Map.of(
            LOGGED_OUT, EnumSet.of(REST),
            REST, EnumSet.of(READY, BUSINESS, DIALING, LOGGED_OUT),
            READY, EnumSet.of(REST, BUSINESS, ALERTING, DIALING, TALKING, LOGGED_OUT),
            BUSINESS, EnumSet.of(REST, READY, BUSINESS, DIALING, LOGGED_OUT),
            ALERTING, EnumSet.of(TALKING, REST, READY),
            DIALING, EnumSet.of(TALKING, REST, READY, BUSINESS),
            TALKING, EnumSet.of(HOLDING, AFTER_CALL, READY),
            HOLDING, EnumSet.of(TALKING, AFTER_CALL),
            AFTER_CALL, EnumSet.of(READY, BUSINESS)));

    static Stream<Arguments> everyPairOfStatuses() {
        return Arrays.stream(AgentStatus.values())
                .flatMap(from -> Arrays.stream(AgentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void theTableAllowsExactlyTheDesignedTransitions(AgentStatus from, AgentStatus to) {
        assertThat(from.canChangeTo(to)).isEqualTo(TABLE.get(from).contains(to));
    }

    @Test
    void onlyReadyAgentsAreRoutable() {
        assertThat(EnumSet.allOf(AgentStatus.class).stream().filter(AgentStatus::isRoutable)).containsExactly(READY);
    }

    @Test
    void agentsChooseOnlyRestReadyAndBusiness() {
        assertThat(EnumSet.allOf(AgentStatus.class).stream().filter(AgentStatus::isChoosable))
                .containsExactlyInAnyOrder(REST, READY, BUSINESS);
    }
}
