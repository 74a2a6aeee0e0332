package org.calldesk.domain.model.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An API key of an external system: its name, the SHA-256 of the key (never the key), who made it
 * and when, and whether it was revoked. A key authenticates as the {@code integration} role.
 */
@Entity
@Table(name = "integration_key")
public class IntegrationKey {

    /** Names: letters, digits, dot, dash and underscore, up to 40. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false, length = 16)
    private String keyPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    protected IntegrationKey() {
        // for JPA
    }

    private IntegrationKey(String name, String keyHash, String keyPrefix, String createdBy, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.keyHash = Objects.requireNonNull(keyHash, "keyHash is required");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix is required");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy is required");
        this.createdAt = Objects.requireNonNull(at, "at is required");
    }

    /** A new key for {@code name}, kept as the hash of {@code key}. */
    public static IntegrationKey issue(String name, String key, String createdBy, Instant at) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key's name is 1-40 letters, digits, '.', '-' or '_'");
        }
        return new IntegrationKey(name, ApiKeys.hash(key), ApiKeys.prefix(key), createdBy, at);
    }

    /** @return whether this revoked the key (false: it was revoked already) */
    public boolean revoke(String by, Instant at) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = Objects.requireNonNull(at, "at is required");
        revokedBy = Objects.requireNonNull(by, "by is required");
        return true;
    }

    public boolean active() {
        return revokedAt == null;
    }

    /** The principal name calls with this key run as. */
    public String principal() {
        return "integration:" + name;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String keyHash() {
        return keyHash;
    }

    /** The key's first characters, to recognise it in a list; not enough to use it. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<String> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }
}
