package org.calldesk.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Supplier;

/**
 * The application's own health answer, on every server with or without MicroProfile Health: the
 * PBX, database and broker checks, in MicroProfile Health's JSON shape ({@code status}, and
 * {@code checks} each with {@code name}, {@code status}, {@code data}). UP only when every check is.
 */
@ApplicationScoped
public class HealthReport {

    private List<Supplier<CheckResult>> checks;

    public HealthReport() {
    }

    @Inject
    HealthReport(PbxCheck pbx, DatabaseCheck database, BrokerCheck broker) {
        this(List.of(pbx::check, database::check, broker::check));
    }

    HealthReport(List<Supplier<CheckResult>> checks) {
        this.checks = checks;
    }

    /** Runs every check now. */
    public Answer run() {
        boolean up = true;
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Supplier<CheckResult> check : checks) {
            CheckResult result = check.get();
            up &= result.isUp();
            JsonObjectBuilder data = Json.createObjectBuilder();
            result.data().forEach((key, value) -> {
                if (value instanceof Long number) {
                    data.add(key, number);
                } else if (value instanceof Boolean yes) {
                    data.add(key, yes);
                } else {
                    data.add(key, String.valueOf(value));
                }
            });
            array.add(Json.createObjectBuilder().add("name", result.name()).add("status", status(result.isUp()))
                    .add("data", data));
        }
        return new Answer(up, Json.createObjectBuilder().add("status", status(up)).add("checks", array).build());
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }

    /** Whether all checks are UP, and the JSON saying what each found. */
    public record Answer(boolean up, JsonObject json) {
    }
}
