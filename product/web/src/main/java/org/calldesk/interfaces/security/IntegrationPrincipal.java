package org.calldesk.interfaces.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The caller of a request signed with an API key: the key's principal name, id and name, for the audit trail. */
public final class IntegrationPrincipal extends CallerPrincipal {

    private final String keyId;
    private final String keyName;

    public IntegrationPrincipal(String name, String keyId, String keyName) {
        super(name);
        this.keyId = keyId;
        this.keyName = keyName;
    }

    public String keyId() {
        return keyId;
    }

    public String keyName() {
        return keyName;
    }
}
