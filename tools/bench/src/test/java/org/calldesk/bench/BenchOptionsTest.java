package org.calldesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void theReadmeCommandNamesAgentsRateAndDuration() {
        BenchOptions options = BenchOptions.parse(new String[] {"--agents", "2000", "--rate", "100", "--duration", "300"});
        assertThat(options.agents()).isEqualTo(2000);
        assertThat(options.rate()).isEqualTo(100.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.database()).isEqualTo(BenchOptions.Database.H2);
        assertThat(options.ramp()).isFalse();
        assertThat(options.floors()).isTrue();
        assertThat(options.idle()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.pin()).isFalse();
    }

    @Test
    void pinAndIdleAreRead() {
        BenchOptions options = BenchOptions.parse(new String[] {"--pin", "--idle", "0"});
        assertThat(options.pin()).isTrue();
        assertThat(options.idle()).isZero();
    }

    @Test
    void flagsAndListsAreRead() {
        BenchOptions options = BenchOptions.parse(new String[] {"--ramp", "--ramp-rates", "10, 20,40", "--db", "postgres",
                "--no-floors", "--jfr", "--transfer-pct", "0", "--outbound-pct", "100", "--talk", "0"});
        assertThat(options.ramp()).isTrue();
        assertThat(options.rampRates()).isEqualTo(List.of(10.0, 20.0, 40.0));
        assertThat(options.database()).isEqualTo(BenchOptions.Database.POSTGRES);
        assertThat(options.floors()).isFalse();
        assertThat(options.jfr()).isTrue();
        assertThat(options.transferPercent()).isZero();
        assertThat(options.outboundPercent()).isEqualTo(100);
        assertThat(options.talkTime()).isZero();
    }

    @Test
    void nonsenseIsRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--agents", "0"})).hasMessageContaining("--agents");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate", "fast"})).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--transfer-pct", "101"})).hasMessageContaining("percentage");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--db", "oracle"})).hasMessageContaining("h2 or postgres");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--colour", "red"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate"})).hasMessageContaining("needs a value");
    }
}
