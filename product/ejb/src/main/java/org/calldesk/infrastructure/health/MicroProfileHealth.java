package org.calldesk.infrastructure.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A plain check's answer as MicroProfile Health's response; loaded only where the server has that API. */
final class MicroProfileHealth {

    private MicroProfileHealth() {
    }

    static HealthCheckResponse response(CheckResult result) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(result.name()).status(result.isUp());
        result.data().forEach((key, value) -> {
            if (value instanceof Long number) {
                response.withData(key, number);
            } else if (value instanceof Boolean yes) {
                response.withData(key, yes);
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        return response.build();
    }
}
