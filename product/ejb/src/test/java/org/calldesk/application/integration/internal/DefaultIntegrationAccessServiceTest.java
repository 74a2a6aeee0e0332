package org.calldesk.application.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.calldesk.application.Actor;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.integration.IntegrationAccessService.IntegrationCall;
import org.calldesk.application.integration.IntegrationAccessService.IssuedKey;
import org.calldesk.application.view.IntegrationKeyView;
import org.calldesk.domain.model.integration.ApiKeys;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;
import org.calldesk.domain.model.integration.IntegrationKey;
import org.calldesk.domain.model.integration.IntegrationKeyRepository;
import org.junit.jupiter.api.Test;

class DefaultIntegrationAccessServiceTest {

    private static final Actor ADMIN = new Actor("admin", true);
    private static final Actor AGENT = new Actor("agent1", false);
    private static final Actor CRM = Actor.integration("integration:crm");

    private final List<IntegrationKey> stored = new ArrayList<>();
    private final List<IntegrationAuditEntry> audited = new ArrayList<>();
    private final DefaultIntegrationAccessService service;

    DefaultIntegrationAccessServiceTest() {
        IntegrationKeyRepository keys = new IntegrationKeyRepository() {
            @Override
            public Optional<IntegrationKey> find(String id) {
                return stored.stream().filter(k -> k.id().equals(id)).findFirst();
            }

            @Override
            public Optional<IntegrationKey> findByHash(String keyHash) {
                return stored.stream().filter(k -> k.keyHash().equals(keyHash)).findFirst();
            }

            @Override
            public List<IntegrationKey> all() {
                return stored.stream().sorted(Comparator.comparing(IntegrationKey::createdAt).reversed()).toList();
            }

            @Override
            public void store(IntegrationKey key) {
                stored.add(key);
            }

            @Override
            public void record(IntegrationAuditEntry entry) {
                audited.add(entry);
            }

            @Override
            public List<IntegrationAuditEntry> trail(String keyId, int max) {
                return audited.stream().limit(max).toList();
            }
        };
        service = new DefaultIntegrationAccessService(keys,
                Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anAdminMakesAKeyThatIsKeptOnlyAsItsHashAndIdentifiesItsHolder() {
        IssuedKey issued = service.create(ADMIN, "crm");

        assertThat(issued.secret()).startsWith(ApiKeys.PREFIX);
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(stored).singleElement().satisfies(key -> {
            assertThat(key.keyHash()).isEqualTo(ApiKeys.hash(issued.secret()));
            assertThat(key.createdBy()).isEqualTo("admin");
        });
        assertThat(service.identify(issued.secret())).map(IntegrationKeyView::id).contains(issued.key().id());
        assertThat(service.identify(" " + issued.secret() + " ")).isPresent();
        assertThat(service.identify("cdk_guessed")).isEmpty();
        assertThat(service.identify("")).isEmpty();
        assertThat(service.identify(null)).isEmpty();
    }

    @Test
    void onlyAnAdminMakesListsRevokesAndAudits() {
        for (Actor notAdmin : List.of(AGENT, CRM)) {
            assertRefused(() -> service.create(notAdmin, "mine"), "ADMIN_ONLY");
            assertRefused(() -> service.keys(notAdmin), "ADMIN_ONLY");
            assertRefused(() -> service.trail(notAdmin, null, 10), "ADMIN_ONLY");
        }
        IssuedKey issued = service.create(ADMIN, "crm");
        assertRefused(() -> service.revoke(CRM, issued.key().id()), "ADMIN_ONLY");
        assertRefused(() -> service.create(ADMIN, "no spaces"), "BAD_INPUT");
        assertRefused(() -> service.revoke(ADMIN, "nope"), "UNKNOWN_API_KEY");
    }

    @Test
    void aRevokedKeyStaysKnownButInactive() {
        IssuedKey issued = service.create(ADMIN, "crm");
        IntegrationKeyView revoked = service.revoke(ADMIN, issued.key().id());

        assertThat(revoked.active()).isFalse();
        assertThat(revoked.revokedBy()).contains("admin");
        assertThat(service.identify(issued.secret())).hasValueSatisfying(key -> assertThat(key.active()).isFalse());
        assertThat(service.revoke(ADMIN, issued.key().id()).revokedAt()).isEqualTo(revoked.revokedAt());
    }

    @Test
    void anIntegrationCallIsAuditedAndReadBackFromTheTrail() {
        service.audit(new IntegrationCall(Instant.parse("2026-11-27T10:00:01Z"), "k-1", "crm", "integration:crm",
                IntegrationAuditEntry.Channel.REST, "GET", "/api/v1/calls", 200, "10.0.0.7"));

        assertThat(service.trail(ADMIN, null, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(audited.get(0).id());
            assertThat(entry.keyId()).contains("k-1");
            assertThat(entry.keyName()).contains("crm");
            assertThat(entry.principal()).isEqualTo("integration:crm");
            assertThat(entry.channel()).isEqualTo(IntegrationAuditEntry.Channel.REST);
            assertThat(entry.target()).isEqualTo("/api/v1/calls");
            assertThat(entry.outcome()).isEqualTo(200);
            assertThat(entry.remote()).contains("10.0.0.7");
        });
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RequestRefused.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
