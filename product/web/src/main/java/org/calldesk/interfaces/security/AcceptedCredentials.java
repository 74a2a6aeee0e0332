package org.calldesk.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * HTTP Basic credentials the identity store accepted a moment ago. An API client sends the same
 * login and password with every request; checking each against the database's PBKDF2 hash (slow
 * on purpose) was a large share of the application's CPU under load. An accepted credential is
 * therefore taken as it was for {@link #TTL} after the identity store accepted it, counted from
 * that check and not extended by use, so a changed password or role applies within that time.
 * Only a SHA-256 digest of login and password is kept, never the password; refusals are never
 * remembered. The console's pages keep their caller in the HTTP session instead.
 */
@ApplicationScoped
public class AcceptedCredentials {

    static final Duration TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 10_000;

    private record Accepted(CredentialValidationResult result, Instant until) {
    }

    private final ConcurrentMap<String, Accepted> accepted = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    /** The identity store's result for this credential, if it accepted it less than {@link #TTL} ago. */
    public Optional<CredentialValidationResult> find(UsernamePasswordCredential credential) {
        String key = key(credential);
        Accepted known = accepted.get(key);
        if (known == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(known.until())) {
            accepted.remove(key, known);
            return Optional.empty();
        }
        return Optional.of(known.result());
    }

    /** Remembers what the identity store just said, if it accepted the credential. */
    public void remember(UsernamePasswordCredential credential, CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return;
        }
        Instant now = clock.instant();
        if (accepted.size() >= MAX_ENTRIES) {
            accepted.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (accepted.size() >= MAX_ENTRIES) {
                accepted.clear();
            }
        }
        accepted.put(key(credential), new Accepted(result, now.plus(TTL)));
    }

    private static String key(UsernamePasswordCredential credential) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(credential.getCaller().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(credential.getPasswordAsString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
