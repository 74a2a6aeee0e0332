package org.calldesk.application.integration;

import java.util.List;
import java.util.Optional;
import org.calldesk.application.Actor;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;
import org.calldesk.domain.model.integration.IntegrationKey;

/**
 * API keys of external systems (made, listed and revoked by admins) and the audit trail of every
 * integration call.
 */
public interface IntegrationAccessService {

    /** A key just made: {@code secret} is the key itself, shown this once and kept nowhere. */
    record IssuedKey(IntegrationKey key, String secret) {

        @Override
        public String toString() {
            return "IssuedKey[" + key.id() + " " + key.name() + "]";
        }
    }

    IssuedKey create(Actor actor, String name);

    List<IntegrationKey> keys(Actor actor);

    /** Revoked at once: the next call with the key is refused. Revoking twice changes nothing. */
    IntegrationKey revoke(Actor actor, String keyId);

    /** The key a client presented, active or revoked; empty for a key never issued. */
    Optional<IntegrationKey> identify(String presentedKey);

    /** Records one integration call, in a transaction of its own. */
    void audit(IntegrationAuditEntry entry);

    List<IntegrationAuditEntry> trail(Actor actor, String keyId, int max);
}
