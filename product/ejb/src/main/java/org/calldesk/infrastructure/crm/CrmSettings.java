package org.calldesk.infrastructure.crm;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the CRM is and how to reach it, from MicroProfile Config. Without
 * {@code calldesk.crm.url} the product runs without a CRM: no screen pop, no ticket push, and
 * one line in the log that says so at start-up.
 */
@ApplicationScoped
public class CrmSettings {

    private static final Logger LOG = Logger.getLogger(CrmSettings.class.getName());

    @Inject
    @ConfigProperty(name = "calldesk.crm.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "calldesk.crm.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "calldesk.crm.connect-timeout-ms", defaultValue = "500")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "calldesk.crm.read-timeout-ms", defaultValue = "2000")
    long readTimeoutMillis;

    private Optional<URI> baseUri = Optional.empty();

    public CrmSettings() {
    }

    /** Settings given directly, for tests and tools. */
    public CrmSettings(URI baseUri, String apiKey, Duration connectTimeout, Duration readTimeout) {
        this.baseUri = Optional.ofNullable(baseUri);
        this.apiKey = Optional.ofNullable(apiKey);
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.readTimeoutMillis = readTimeout.toMillis();
    }

    @PostConstruct
    void read() {
        baseUri = url.map(String::strip).filter(value -> !value.isEmpty()).map(URI::create);
    }

    void reportAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (baseUri.isEmpty()) {
            LOG.info("No CRM configured (calldesk.crm.url is not set): no screen pop and no ticket push to a CRM");
        } else {
            LOG.info(() -> "CRM at " + baseUri.get() + ": screen pop and ticket push on");
        }
    }

    /** The CRM's base URL, if one is configured. */
    public Optional<URI> baseUri() {
        return baseUri;
    }

    /** The value of the {@code Authorization} header to send, if the CRM wants a key. */
    public Optional<String> authorization() {
        return apiKey.map(String::strip).filter(key -> !key.isEmpty()).map(key -> "Bearer " + key);
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMillis);
    }

    public Duration readTimeout() {
        return Duration.ofMillis(readTimeoutMillis);
    }
}
