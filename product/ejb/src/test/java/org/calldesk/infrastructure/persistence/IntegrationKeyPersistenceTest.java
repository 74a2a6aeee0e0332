package org.calldesk.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calldesk.infrastructure.persistence.TestDatabase.inTransaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import org.calldesk.domain.model.integration.ApiKeys;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;
import org.calldesk.domain.model.integration.IntegrationKey;
import org.calldesk.infrastructure.persistence.jpa.JpaIntegrationKeyRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** API keys are kept as hashes, found by the key, revoked for good; the audit trail reads back newest first. */
class IntegrationKeyPersistenceTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void keysAreRandomAndOnlyTheirHashIsKept() {
        String key = ApiKeys.generate();
        assertThat(key).startsWith("cdk_").hasSize(4 + 43);
        assertThat(ApiKeys.generate()).isNotEqualTo(key);
        assertThat(ApiKeys.hash(key)).hasSize(64).isEqualTo(ApiKeys.hash(key)).doesNotContain(key.substring(4));
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        IntegrationKey issued = IntegrationKey.issue("crm", key, "admin", AT);
        assertThat(issued.keyHash()).isEqualTo(ApiKeys.hash(key));
        assertThat(issued.keyPrefix()).hasSize(10).isEqualTo(key.substring(0, 10));
        assertThatThrownBy(() -> IntegrationKey.issue("no spaces", key, "admin", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKeyIsFoundByItsHashAndStaysRevokedAndEveryCallIsAudited(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            EntityManagerFactory emf = db.entityManagerFactory();
            String secret = ApiKeys.generate();
            IntegrationKey key = IntegrationKey.issue("crm-main", secret, "admin", AT);
            inTransaction(emf, em -> new JpaIntegrationKeyRepository(em).store(key));

            try (Connection connection = db.connect();
                 ResultSet rows = connection.createStatement().executeQuery("select key_hash from integration_key")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(ApiKeys.hash(secret)).isNotEqualTo(secret);
            }

            inTransaction(emf, em -> {
                var repository = new JpaIntegrationKeyRepository(em);
                IntegrationKey found = repository.findByHash(ApiKeys.hash(secret)).orElseThrow();
                assertThat(found.id()).isEqualTo(key.id());
                assertThat(found.active()).isTrue();
                assertThat(found.revoke("admin", AT.plusSeconds(60))).isTrue();
                assertThat(repository.findByHash(ApiKeys.hash("cdk_other"))).isEmpty();
            });
            inTransaction(emf, em -> {
                var repository = new JpaIntegrationKeyRepository(em);
                IntegrationKey read = repository.find(key.id()).orElseThrow();
                assertThat(read.active()).isFalse();
                assertThat(read.revokedAt()).contains(AT.plusSeconds(60));
                assertThat(read.revoke("admin", AT.plusSeconds(120))).isFalse();
                repository.record(new IntegrationAuditEntry(AT, key.id(), key.name(), key.principal(),
                        IntegrationAuditEntry.Channel.REST, "GET", "/calldesk/api/v1/calls", 200, "127.0.0.1"));
                repository.record(new IntegrationAuditEntry(AT.plusSeconds(1), null, null, "integration",
                        IntegrationAuditEntry.Channel.JMS, "dial", "IntegrationCommandQueue", 409, null));
            });

            EntityManager em = emf.createEntityManager();
            var repository = new JpaIntegrationKeyRepository(em);
            assertThat(repository.trail(null, 10)).extracting(IntegrationAuditEntry::action).containsExactly("dial", "GET");
            assertThat(repository.trail(key.id(), 10)).singleElement().satisfies(entry -> {
                assertThat(entry.principal()).isEqualTo("integration:crm-main");
                assertThat(entry.channel()).isEqualTo(IntegrationAuditEntry.Channel.REST);
                assertThat(entry.outcome()).isEqualTo(200);
                assertThat(entry.at()).isEqualTo(AT);
            });
            assertThat(repository.all()).singleElement().extracting(IntegrationKey::name).isEqualTo("crm-main");
            em.close();
            emf.close();
        }
    }
}
