package org.calldesk.application.view;

import java.time.Instant;
import java.util.Optional;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;

/** One integration call of the audit trail: who, by which channel, what, and the outcome. */
public record AuditEntryView(String id, Instant at, Optional<String> keyId, Optional<String> keyName,
                             String principal, IntegrationAuditEntry.Channel channel, String action, String target,
                             int outcome, Optional<String> remote) {

    public static AuditEntryView of(IntegrationAuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.at(), entry.keyId(), entry.keyName(), entry.principal(),
                entry.channel(), entry.action(), entry.target(), entry.outcome(), entry.remote());
    }
}
