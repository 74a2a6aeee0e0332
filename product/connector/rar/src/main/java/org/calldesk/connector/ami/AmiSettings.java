package org.calldesk.connector.ami;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a session with the PBX needs: where the Asterisk Manager Interface listens, the
 * {@code manager.conf} user, the dialplan contexts and the timings. Resolved once from the
 * adapter's config properties and their MicroProfile Config / system property overrides, then
 * immutable, so that sessions can be shared between threads and pooled connections compared by
 * value.
 *
 * <p>{@link #toString()} masks the secret: settings are logged at start-up.
 */
public record AmiSettings(String host, int port, String username, String secret, DialplanContexts contexts,
                   Duration connectTimeout, Duration actionTimeout, Duration reconnectInitialDelay,
                   Duration reconnectMaxDelay, Duration pingInterval) implements Serializable {

    public static final String MASK = "****";

    public AmiSettings {
        Objects.requireNonNull(host, "host is required");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the AMI host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the AMI port must be between 1 and 65535, not " + port);
        }
        Objects.requireNonNull(username, "username is required");
        if (username.isBlank()) {
            throw new IllegalArgumentException("the AMI username must not be blank");
        }
        Objects.requireNonNull(secret, "secret is required");
        Objects.requireNonNull(contexts, "contexts is required");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(actionTimeout, "actionTimeout");
        requirePositive(reconnectInitialDelay, "reconnectInitialDelay");
        requirePositive(reconnectMaxDelay, "reconnectMaxDelay");
        requirePositive(pingInterval, "pingInterval");
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            reconnectMaxDelay = reconnectInitialDelay;
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " is required");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }

    /** The same PBX and timings with another {@code manager.conf} user. */
    public AmiSettings withCredentials(String otherUsername, String otherSecret) {
        return new AmiSettings(host, port, otherUsername, otherSecret, contexts, connectTimeout, actionTimeout,
                reconnectInitialDelay, reconnectMaxDelay, pingInterval);
    }

    public AmiSettings withActionTimeout(Duration otherActionTimeout) {
        return new AmiSettings(host, port, username, secret, contexts, connectTimeout, otherActionTimeout,
                reconnectInitialDelay, reconnectMaxDelay, pingInterval);
    }

    /** {@code host:port}, for messages. */
    public String address() {
        return host + ":" + port;
    }

    /**
     * How long to wait before reconnect attempt number {@code attempt} (1 for the first retry):
     * doubling from the initial delay up to the maximum, so a PBX that restarts is found again
     * quickly and one that stays down is not hammered.
     */
    public Duration reconnectDelay(int attempt) {
        Duration delay = reconnectInitialDelay;
        for (int i = 1; i < attempt && delay.compareTo(reconnectMaxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(reconnectMaxDelay) > 0 ? reconnectMaxDelay : delay;
    }

    @Override
    public String toString() {
        return "AmiSettings[host=" + host + ", port=" + port + ", username=" + username + ", secret=" + MASK
                + ", contexts=" + contexts + ", connectTimeout=" + connectTimeout + ", actionTimeout="
                + actionTimeout + ", reconnectInitialDelay=" + reconnectInitialDelay + ", reconnectMaxDelay="
                + reconnectMaxDelay + ", pingInterval=" + pingInterval + "]";
    }
}
