package org.calldesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the PBX adapter has a session with the PBX. */
@Readiness
@ApplicationScoped
public class PbxHealthCheck implements HealthCheck {

    @Resource(lookup = "java:app/eis/PbxConnectionFactory")
    PbxConnectionFactory pbx;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("pbx");
        try (PbxConnection connection = pbx.getConnection()) {
            return response.up().build();
        } catch (PbxException | RuntimeException e) {
            return response.down()
                    .withData("error", e.getMessage() == null ? e.toString() : e.getMessage())
                    .withData("fix", "check calldesk.ami.host, calldesk.ami.port, calldesk.ami.username, calldesk.ami.secret")
                    .build();
        }
    }
}
