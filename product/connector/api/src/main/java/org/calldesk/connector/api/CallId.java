package org.calldesk.connector.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * The PBX's identity of one customer call, stable for the call's whole life (on Asterisk the
 * {@code Linkedid} of the customer's channel). Every event of a call carries it, so the
 * application can order and de-duplicate what the PBX reports.
 */
public record CallId(String value) implements Serializable {

    public CallId {
        Objects.requireNonNull(value, "value is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a call id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
