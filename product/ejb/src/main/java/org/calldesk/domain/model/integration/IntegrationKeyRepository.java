package org.calldesk.domain.model.integration;

import java.util.List;
import java.util.Optional;

/** Where API keys and the integrations' audit trail are kept. */
public interface IntegrationKeyRepository {

    Optional<IntegrationKey> find(String id);

    /** The key whose SHA-256 is {@code keyHash}, revoked or not. */
    Optional<IntegrationKey> findByHash(String keyHash);

    /** Every key, newest first. */
    List<IntegrationKey> all();

    void store(IntegrationKey key);

    void record(IntegrationAuditEntry entry);

    /** The most recent audit entries first, of one key when {@code keyId} is given. */
    List<IntegrationAuditEntry> trail(String keyId, int max);
}
