package org.calldesk.application.view;

import java.time.Instant;
import java.util.Optional;
import org.calldesk.domain.model.integration.IntegrationKey;

/**
 * An external system's API key as it was when read, without the key or its hash: only its first
 * characters ({@code keyPrefix}).
 */
public record IntegrationKeyView(String id, String name, String keyPrefix, String principal, boolean active,
                                 Instant createdAt, String createdBy, Optional<Instant> revokedAt,
                                 Optional<String> revokedBy) {

    public static IntegrationKeyView of(IntegrationKey key) {
        return new IntegrationKeyView(key.id(), key.name(), key.keyPrefix(), key.principal(), key.active(),
                key.createdAt(), key.createdBy(), key.revokedAt(), key.revokedBy());
    }
}
