package org.calldesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreTheNearestRankOfTheSamples() {
        Latencies latencies = new Latencies();
        for (int i = 100; i >= 1; i--) { // 1..100 ms, recorded out of order
            latencies.record(i * 1000L);
        }
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.mean()).isEqualTo(50.5);
    }

    @Test
    void oneSlowSampleInAHundredShowsOnlyAtTheMaximum() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 99; i++) {
            latencies.record(2_000);
        }
        latencies.record(900_000);
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.p99()).isEqualTo(2.0);
        assertThat(summary.max()).isEqualTo(900.0);
    }

    @Test
    void twoSlowSamplesInAHundredReachTheP99() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 98; i++) {
            latencies.record(2_000);
        }
        latencies.record(900_000);
        latencies.record(800_000);
        assertThat(latencies.summary().p99()).isEqualTo(800.0);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = new Latencies();
        latencies.recordNanos(7_000_000);
        Latencies.Summary summary = latencies.summary();
        assertThat(summary.p50()).isEqualTo(7.0);
        assertThat(summary.p99()).isEqualTo(7.0);
        assertThat(summary.max()).isEqualTo(7.0);
    }

    @Test
    void nothingMeasuredIsAnEmptySummary() {
        assertThat(new Latencies().summary()).isEqualTo(Latencies.Summary.EMPTY);
    }

    @Test
    void keepsEverySampleBeyondItsFirstCapacity() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 5000; i++) {
            latencies.record(i);
        }
        assertThat(latencies.count()).isEqualTo(5000);
        assertThat(latencies.summary().max()).isEqualTo(5.0);
        assertThat(latencies.summary().p50()).isEqualTo(2.5);
    }

    @Test
    void refusesANegativeLatencyButClampsAClockStepInNanos() {
        Latencies latencies = new Latencies();
        assertThatThrownBy(() -> latencies.record(-1)).isInstanceOf(IllegalArgumentException.class);
        latencies.recordNanos(-5);
        assertThat(latencies.summary().max()).isZero();
    }
}
