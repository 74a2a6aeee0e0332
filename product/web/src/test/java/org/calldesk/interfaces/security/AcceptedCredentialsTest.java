package org.calldesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcceptedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final CredentialValidationResult ADMIN = new CredentialValidationResult("admin", Set.of("admin", "agent"));

    private final AcceptedCredentials accepted = at(T0);

    private static AcceptedCredentials at(Instant now) {
        AcceptedCredentials credentials = new AcceptedCredentials();
        credentials.clock = Clock.fixed(now, ZoneOffset.UTC);
        return credentials;
    }

    private static UsernamePasswordCredential credential(String login, String password) {
        return new UsernamePasswordCredential(login, password);
    }

    @Test
    void anAcceptedCredentialIsKnownWithTheStoresResult() {
        accepted.remember(credential("admin", "admin"), ADMIN);
        assertThat(accepted.find(credential("admin", "admin"))).containsSame(ADMIN);
    }

    @Test
    void anotherPasswordOrLoginIsNotKnown() {
        accepted.remember(credential("admin", "admin"), ADMIN);
        assertThat(accepted.find(credential("admin", "wrong"))).isEmpty();
        assertThat(accepted.find(credential("agent1", "admin"))).isEmpty();
        assertThat(accepted.find(credential("admi", "nadmin"))).isEmpty();
    }

    @Test
    void aRefusalIsNeverRemembered() {
        accepted.remember(credential("admin", "guess"), CredentialValidationResult.INVALID_RESULT);
        assertThat(accepted.find(credential("admin", "guess"))).isEmpty();
    }

    @Test
    void theIdentityStoreIsAskedAgainOnceTheTimeIsUp() {
        accepted.remember(credential("admin", "admin"), ADMIN);
        accepted.clock = Clock.fixed(T0.plus(AcceptedCredentials.TTL).minusMillis(1), ZoneOffset.UTC);
        assertThat(accepted.find(credential("admin", "admin"))).isPresent();
        accepted.clock = Clock.fixed(T0.plus(AcceptedCredentials.TTL), ZoneOffset.UTC);
        assertThat(accepted.find(credential("admin", "admin"))).isEmpty();
    }

    @Test
    void useDoesNotExtendTheTime() {
        accepted.remember(credential("admin", "admin"), ADMIN);
        for (long s = 1; s < AcceptedCredentials.TTL.toSeconds(); s++) {
            accepted.clock = Clock.fixed(T0.plusSeconds(s), ZoneOffset.UTC);
            assertThat(accepted.find(credential("admin", "admin"))).isPresent();
        }
        accepted.clock = Clock.fixed(T0.plus(AcceptedCredentials.TTL).plus(Duration.ofMillis(1)), ZoneOffset.UTC);
        assertThat(accepted.find(credential("admin", "admin"))).isEmpty();
    }

    @Test
    void staysBoundedWhenManyDifferentCredentialsComeIn() {
        for (int i = 0; i <= AcceptedCredentials.MAX_ENTRIES + 10; i++) {
            accepted.remember(credential("user" + i, "pw"), new CredentialValidationResult("user" + i));
        }
        int known = 0;
        for (int i = 0; i <= AcceptedCredentials.MAX_ENTRIES + 10; i++) {
            if (accepted.find(credential("user" + i, "pw")).isPresent()) {
                known++;
            }
        }
        assertThat(known).isBetween(1, AcceptedCredentials.MAX_ENTRIES);
        assertThat(accepted.find(credential("user" + (AcceptedCredentials.MAX_ENTRIES + 10), "pw"))).isPresent();
    }
}
