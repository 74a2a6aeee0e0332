package org.calldesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void aHighRateIsReachedInFourStepsFromAFifthOfIt() {
        assertThat(Benchmark.warmUpRates(100)).containsExactly(20.0, 40.0, 60.0, 80.0);
    }

    @Test
    void aLowRateWarmsUpAtItself() {
        assertThat(Benchmark.warmUpRates(10)).containsExactly(10.0);
    }
}
