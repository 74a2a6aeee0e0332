package org.calldesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RampChartTest {

    private static final ProcessMonitor.Usage USAGE = new ProcessMonitor.Usage(120, 300, 200, 90, 400, 10, 0, 0.5);

    private static StepResult step(double rate, double p99, long lost) {
        Latencies.Summary offer = new Latencies.Summary(100, p99 / 2, p99 * 0.9, p99, p99 * 1.2, p99 / 2);
        return new StepResult(rate, 30, 30, (long) (rate * 30), 0,
                new LoadRun.Outcome((long) (rate * 30), (long) (rate * 30) - lost, (long) (rate * 30) - lost, 0, 0, lost,
                        lost),
                0, 0, 0, 0, 0, 0, 0, Map.of(), 0, offer, offer, offer, offer, USAGE, USAGE, "1.0 1.0 1.0");
    }

    @Test
    void aStepPassesOnlyUnderTheLimitWithNothingLost() {
        assertThat(step(10, 40, 0).passes(100)).isTrue();
        assertThat(step(20, 150, 0).passes(100)).isFalse();
        assertThat(step(20, 40, 1).passes(100)).isFalse();
    }

    @Test
    void thePageHasOneMarkerPerRateColouredByTheVerdictAndTheLimitLine() {
        String html = RampChart.html(List.of(step(10, 40, 0), step(20, 150, 0)), 100, "2000 agents & more");

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "</svg>", "p99 limit 100 ms",
                "2000 agents &amp; more");
        assertThat(html.split("<circle", -1)).hasSize(3);
        assertThat(html).contains("fill=\"#2a2\"><title>10 calls/s").contains("fill=\"#d22\"><title>20 calls/s");
        assertThat(html.split("<polyline", -1)).hasSize(4);
        assertThat(html).contains("<td>pass</td>").contains("<td>fail</td>");
    }

    @Test
    void latencyIsPlacedOnALogarithmicAxis() {
        double ten = RampChart.y(10, 0, 3);
        double hundred = RampChart.y(100, 0, 3);
        double thousand = RampChart.y(1000, 0, 3);
        assertThat(ten - hundred).isCloseTo(hundred - thousand, org.assertj.core.data.Offset.offset(0.01));
        assertThat(thousand).isLessThan(hundred);
    }
}
