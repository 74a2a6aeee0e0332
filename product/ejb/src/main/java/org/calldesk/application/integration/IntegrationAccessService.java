package org.calldesk.application.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.calldesk.application.Actor;
import org.calldesk.application.view.AuditEntryView;
import org.calldesk.application.view.IntegrationKeyView;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;

/**
 * API keys of external systems (made, listed and revoked by admins) and the audit trail of every
 * integration call.
 */
public interface IntegrationAccessService {

    /** A key just made: {@code secret} is the key itself, shown this once and kept nowhere. */
    record IssuedKey(IntegrationKeyView key, String secret) {

        @Override
        public String toString() {
            return "IssuedKey[" + key.id() + " " + key.name() + "]";
        }
    }

    IssuedKey create(Actor actor, String name);

    List<IntegrationKeyView> keys(Actor actor);

    /** Revoked at once: the next call with the key is refused. Revoking twice changes nothing. */
    IntegrationKeyView revoke(Actor actor, String keyId);

    /** The key a client presented, active or revoked; empty for a key never issued. */
    Optional<IntegrationKeyView> identify(String presentedKey);

    /**
     * One integration call to record in the audit trail.
     *
     * @param keyId the key's id, or null when no known key was presented
     * @param keyName the key's name, or null
     * @param outcome the HTTP status the call was answered with (a command's: 200, 409 or 400)
     * @param remote the caller's address, or null
     */
    record IntegrationCall(Instant at, String keyId, String keyName, String principal,
                           IntegrationAuditEntry.Channel channel, String action, String target, int outcome,
                           String remote) {

        /** A call of the REST API: what the web module audits, without naming the entity's channels. */
        public static IntegrationCall rest(Instant at, String keyId, String keyName, String principal, String action,
                                           String target, int outcome, String remote) {
            return new IntegrationCall(at, keyId, keyName, principal, IntegrationAuditEntry.Channel.REST, action,
                    target, outcome, remote);
        }
    }

    /** Records one integration call, in a transaction of its own. */
    void audit(IntegrationCall call);

    List<AuditEntryView> trail(Actor actor, String keyId, int max);
}
