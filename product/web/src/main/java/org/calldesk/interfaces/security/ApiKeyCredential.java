package org.calldesk.interfaces.security;

import jakarta.security.enterprise.credential.Credential;
import java.util.Objects;

/** An API key an external system presented ({@code Authorization: Bearer} or {@code X-Api-Key}). Never printed. */
public final class ApiKeyCredential implements Credential {

    private final String key;

    public ApiKeyCredential(String key) {
        this.key = Objects.requireNonNull(key, "key is required");
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[****]";
    }
}
