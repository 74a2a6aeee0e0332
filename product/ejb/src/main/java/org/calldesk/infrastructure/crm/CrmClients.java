package org.calldesk.infrastructure.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The REST client of the configured CRM, built once. Built by hand rather than injected so that
 * a missing URL means "no CRM" instead of a failed deployment. Connect and read timeouts bound
 * every call; the screen pop's tighter limit is its fault-tolerance timeout.
 */
@ApplicationScoped
public class CrmClients {

    @Inject
    CrmSettings settings;

    private volatile CrmApi api;

    /** The CRM's API, or empty when no CRM is configured. */
    public Optional<CrmApi> api() {
        if (settings.baseUri().isEmpty()) {
            return Optional.empty();
        }
        CrmApi built = api;
        if (built == null) {
            synchronized (this) {
                if (api == null) {
                    api = RestClientBuilder.newBuilder()
                            .baseUri(settings.baseUri().get())
                            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            // statuses are the caller's to judge (a 409 of a seen key is a success)
                            .property("microprofile.rest.client.disable.default.mapper", Boolean.TRUE)
                            .build(CrmApi.class);
                }
                built = api;
            }
        }
        return Optional.of(built);
    }

    /** The value of the {@code Authorization} header for the CRM, or null. */
    public String authorization() {
        return settings.authorization().orElse(null);
    }
}
