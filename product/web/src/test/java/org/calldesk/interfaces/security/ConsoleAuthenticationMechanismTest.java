package org.calldesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConsoleAuthenticationMechanismTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsLoginAndPasswordOfABasicHeader() {
        var credential = ConsoleAuthenticationMechanism.basicCredential(basic("agent1:se:cret")).orElseThrow();
        assertThat(credential.getCaller()).isEqualTo("agent1");
        assertThat(credential.getPasswordAsString()).isEqualTo("se:cret");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(ConsoleAuthenticationMechanism.basicCredential("basic " + basic("a:b").substring(6))).isPresent();
    }

    @Test
    void noneForAMissingOtherOrMalformedHeader() {
        assertThat(ConsoleAuthenticationMechanism.basicCredential(null)).isEmpty();
        assertThat(ConsoleAuthenticationMechanism.basicCredential("Bearer abc")).isEmpty();
        assertThat(ConsoleAuthenticationMechanism.basicCredential("Basic !!!")).isEmpty();
        assertThat(ConsoleAuthenticationMechanism.basicCredential(basic("no-colon"))).isEmpty();
    }

    @Test
    void readsAnApiKeyFromXApiKeyOrABearerToken() {
        assertThat(ConsoleAuthenticationMechanism.apiKey(null, "cdk_abc")).contains("cdk_abc");
        assertThat(ConsoleAuthenticationMechanism.apiKey("Bearer cdk_def", null)).contains("cdk_def");
        assertThat(ConsoleAuthenticationMechanism.apiKey("bearer  cdk_def ", null)).contains("cdk_def");
        assertThat(ConsoleAuthenticationMechanism.apiKey("Bearer cdk_def", "cdk_abc")).contains("cdk_abc");
        assertThat(ConsoleAuthenticationMechanism.apiKey(basic("a:b"), null)).isEmpty();
        assertThat(ConsoleAuthenticationMechanism.apiKey("Bearer  ", " ")).isEmpty();
        assertThat(ConsoleAuthenticationMechanism.apiKey(null, null)).isEmpty();
    }

    @Test
    void anApiKeyCredentialNeverShowsTheKey() {
        assertThat(new ApiKeyCredential("cdk_secret").toString()).doesNotContain("secret");
    }
}
