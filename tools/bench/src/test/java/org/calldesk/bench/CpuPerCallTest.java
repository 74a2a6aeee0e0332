package org.calldesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuPerCallTest {

    @Test
    void cpuPerCallIsCpuSecondsOverCalls() {
        // 90 % of a core for 60 s = 54 CPU s; 1,200 calls: 45 ms each, 22.2 calls/s per core
        CpuPerCall perCall = CpuPerCall.of(90, 60, 1200);
        assertThat(perCall.cpuSeconds()).isCloseTo(54, within(1e-9));
        assertThat(perCall.millisPerCall()).isCloseTo(45, within(1e-9));
        assertThat(perCall.callsPerSecondPerCore()).isCloseTo(1200 / 54.0, within(1e-9));
    }

    @Test
    void theRunAddsCpuAndCallsNotTheRatios() {
        // 10 CPU s for 100 calls and 30 CPU s for 2,000 calls: 19.05 ms per call, not the mean of 100 and 15
        CpuPerCall run = CpuPerCall.sum(List.of(new CpuPerCall(10, 100), new CpuPerCall(30, 2000)));
        assertThat(run.cpuSeconds()).isCloseTo(40, within(1e-9));
        assertThat(run.calls()).isEqualTo(2100);
        assertThat(run.millisPerCall()).isCloseTo(40_000.0 / 2100, within(1e-9));
    }

    @Test
    void withoutCallsThereIsNoFigureAndTheJsonLeavesItOut() {
        CpuPerCall none = CpuPerCall.of(3, 20, 0);
        assertThat(none.millisPerCall()).isNaN();
        assertThat(none.callsPerSecondPerCore()).isNaN();
        assertThat(Report.json(none).containsKey("cpuMsPerCall")).isFalse();
        assertThat(Report.json(none).getJsonNumber("cpuSeconds").doubleValue()).isCloseTo(0.6, within(1e-9));
        assertThat(Report.json(new CpuPerCall(2, 1000)).getJsonNumber("cpuMsPerCall").doubleValue()).isCloseTo(2, within(1e-9));
    }

    @Test
    void theIdleTableNamesTheFixedCost() {
        String table = Report.idleTable(new IdleResult(5000, 20, 3.5, 1.2, "12.1 14.0 15.3"));
        assertThat(table).contains("5000 agents logged in and Ready").contains("| idle CPU % of a core (application) | 3.5 % |")
                .contains("12.1 14.0 15.3");
    }

    @Test
    void pinningIsSkippedWithAReasonWithoutTasksetOrASecondCore() {
        assertThat(Pinning.whyNot(Optional.empty(), 2)).get().asString().contains("taskset");
        assertThat(Pinning.whyNot(Optional.of("/usr/bin/taskset"), 1)).get().asString().contains("pinning needs two");
        assertThat(Pinning.whyNot(Optional.of("/usr/bin/taskset"), 2)).isEmpty();
        assertThat(Pinning.command("/usr/bin/taskset", 42, 1)).containsExactly("/usr/bin/taskset", "-a", "-p", "-c", "1", "42");
    }
}
