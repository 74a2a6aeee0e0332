package org.calldesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.calldesk.application.integration.IntegrationAccessService;
import org.calldesk.application.view.IntegrationKeyView;
import org.calldesk.domain.model.integration.ApiKeys;
import org.calldesk.domain.model.integration.IntegrationKey;
import org.junit.jupiter.api.Test;

class IntegrationKeyIdentityStoreTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final String SECRET = ApiKeys.generate();

    private final IntegrationKey key = IntegrationKey.issue("crm", SECRET, "admin", AT);
    private final IntegrationKeyIdentityStore store = new IntegrationKeyIdentityStore();

    IntegrationKeyIdentityStoreTest() {
        store.access = (IntegrationAccessService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IntegrationAccessService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("identify")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return SECRET.equals(args[0]) ? Optional.of(IntegrationKeyView.of(key)) : Optional.empty();
                });
    }

    @Test
    void anActiveKeySignsInAsItsIntegrationWithTheIntegrationRoleOnly() {
        CredentialValidationResult result = store.validate(new ApiKeyCredential(SECRET));

        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(result.getCallerPrincipal().getName()).isEqualTo("integration:crm");
        assertThat(result.getCallerPrincipal()).isInstanceOfSatisfying(IntegrationPrincipal.class, principal -> {
            assertThat(principal.keyId()).isEqualTo(key.id());
            assertThat(principal.keyName()).isEqualTo("crm");
        });
        assertThat(store.getCallerGroups(result)).containsExactly("integration");
        assertThat(store.validationTypes()).contains(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Test
    void aRevokedOrUnknownKeyIsInvalidAndAccountsGetNoRoleFromThisStore() {
        assertThat(store.validate(new ApiKeyCredential("cdk_unknown")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        key.revoke("admin", AT.plusSeconds(1));
        assertThat(store.validate(new ApiKeyCredential(SECRET)).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(store.getCallerGroups(new CredentialValidationResult(new CallerPrincipal("agent1"), Set.of("agent"))))
                .isEmpty();
    }
}
