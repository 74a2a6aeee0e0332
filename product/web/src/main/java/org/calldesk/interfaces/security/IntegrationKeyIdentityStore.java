package org.calldesk.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.calldesk.application.integration.IntegrationAccessService;
import org.calldesk.application.view.IntegrationKeyView;

/**
 * Who an API key is: an active key of {@link IntegrationAccessService} signs in as its principal
 * ({@code integration:<name>}) with the one role {@value #ROLE}; a revoked or unknown key is
 * invalid. Checks only {@link ApiKeyCredential}s; logins and passwords are the database store's.
 */
@ApplicationScoped
public class IntegrationKeyIdentityStore implements IdentityStore {

    /** The role of external systems: read calls, tickets and agents, click-to-dial, ticket changes. */
    public static final String ROLE = "integration";

    @Inject
    IntegrationAccessService access;

    public CredentialValidationResult validate(ApiKeyCredential credential) {
        return access.identify(credential.key())
                .filter(IntegrationKeyView::active)
                .map(key -> new CredentialValidationResult(new IntegrationPrincipal(key.principal(), key.id(), key.name()),
                        Set.of(ROLE)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * The role of a caller this store validated. (A store's groups count only if it provides
     * groups: validation alone is not enough.) Accounts validated by the database store get none here.
     */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return validationResult.getCallerPrincipal() instanceof IntegrationPrincipal ? Set.of(ROLE) : Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
