package org.calldesk.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void upOnlyWhenEveryCheckIsUpAndEachCheckSaysWhatItFound() {
        HealthReport report = new HealthReport(List.of(
                () -> CheckResult.named("pbx").up().with("eventsWaiting", 3L),
                () -> CheckResult.named("database").down().with("error", "cannot connect")
                        .with("fix", SettingsToFix.DATABASE),
                () -> CheckResult.named("broker").up()));

        HealthReport.Answer answer = report.run();

        assertThat(answer.up()).isFalse();
        assertThat(answer.json().getString("status")).isEqualTo("DOWN");
        List<JsonObject> checks = answer.json().getJsonArray("checks").getValuesAs(JsonObject.class);
        assertThat(checks).extracting(check -> check.getString("name") + " " + check.getString("status"))
                .containsExactly("pbx UP", "database DOWN", "broker UP");
        assertThat(checks.get(0).getJsonObject("data").getJsonNumber("eventsWaiting").longValue()).isEqualTo(3);
        assertThat(checks.get(1).getJsonObject("data").getString("fix")).isEqualTo(SettingsToFix.DATABASE);
    }

    @Test
    void upWhenAllChecksAreUp() {
        HealthReport.Answer answer = new HealthReport(List.of(
                () -> CheckResult.named("pbx").up(), () -> CheckResult.named("broker").up())).run();

        assertThat(answer.up()).isTrue();
        assertThat(answer.json().getString("status")).isEqualTo("UP");
    }
}
