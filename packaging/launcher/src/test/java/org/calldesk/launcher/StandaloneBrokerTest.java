package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StandaloneBrokerTest {

    @Test
    void optionsComeFromTheCommandLineThenTheEnvironmentThenTheDefaults() {
        Map<String, String> options = StandaloneBroker.options(new String[] {"--port", "61617"},
                Map.of("CALLDESK_BROKER_PORT", "61618", "CALLDESK_BROKER_DATA", "/var/lib/calldesk/broker"));

        assertThat(options).containsEntry("port", "61617").containsEntry("data", "/var/lib/calldesk/broker")
                .containsEntry("host", "127.0.0.1").doesNotContainKey("application-user");
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndBadPorts() {
        assertThatThrownBy(() -> StandaloneBroker.options(new String[] {"--colour", "red"}, Map.of()))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> StandaloneBroker.options(new String[] {"--port"}, Map.of()))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> StandaloneBroker.options(new String[] {"--port", "70000"}, Map.of()))
                .hasMessageContaining("1..65535");
    }
}
