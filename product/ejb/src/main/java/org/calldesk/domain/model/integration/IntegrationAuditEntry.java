package org.calldesk.domain.model.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One call of an integration: who (the key, or the principal when no key is known), what (a REST
 * method and path, or a command on the command queue), its outcome (the HTTP status; for commands
 * 200 done, 409 refused, 400 malformed), and when.
 */
@Entity
@Table(name = "integration_audit")
public class IntegrationAuditEntry {

    public enum Channel { REST, JMS }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "key_id", length = 36)
    private String keyId;

    @Column(name = "key_name", length = 64)
    private String keyName;

    @Column(name = "principal", nullable = false, length = 128)
    private String principal;

    @Column(name = "channel", nullable = false, length = 8)
    private String channel;

    @Column(name = "action", nullable = false, length = 16)
    private String action;

    @Column(name = "target", nullable = false, length = 1000)
    private String target;

    @Column(name = "outcome", nullable = false)
    private int outcome;

    @Column(name = "remote", length = 64)
    private String remote;

    protected IntegrationAuditEntry() {
        // for JPA
    }

    public IntegrationAuditEntry(Instant at, String keyId, String keyName, String principal, Channel channel,
                                 String action, String target, int outcome, String remote) {
        this.id = UUID.randomUUID().toString();
        this.at = Objects.requireNonNull(at, "at is required");
        this.keyId = keyId;
        this.keyName = keyName;
        this.principal = cut(Objects.requireNonNull(principal, "principal is required"), 128);
        this.channel = Objects.requireNonNull(channel, "channel is required").name();
        this.action = cut(Objects.requireNonNull(action, "action is required"), 16);
        this.target = cut(Objects.requireNonNull(target, "target is required"), 1000);
        this.outcome = outcome;
        this.remote = remote == null ? null : cut(remote, 64);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    public Optional<String> keyName() {
        return Optional.ofNullable(keyName);
    }

    public String principal() {
        return principal;
    }

    public Channel channel() {
        return Channel.valueOf(channel);
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public int outcome() {
        return outcome;
    }

    public Optional<String> remote() {
        return Optional.ofNullable(remote);
    }
}
