package org.calldesk.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Who may sign in: the accounts in the application's database, checked against their PBKDF2
 * password hashes. Roles: {@code agent} acts on their own calls and status, {@code admin} on
 * everything. External systems sign in with API keys instead ({@link IntegrationKeyIdentityStore},
 * role {@code integration}). How credentials reach this store is {@link ConsoleAuthenticationMechanism}: HTTP
 * Basic for the REST API, the sign-in page for the console.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/ContactCenterDS",
        callerQuery = "select password_hash from account where login_id = ?",
        groupsQuery = "select role from account_role where login_id = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({"agent", "admin", IntegrationKeyIdentityStore.ROLE})
public class SecurityConfiguration {
}
