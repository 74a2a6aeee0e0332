package org.calldesk.application.pbx;

import java.util.Objects;

/**
 * The PBX's identity of one customer call, stable for the call's whole life: what its reports
 * name the call by, and what the application records on the call to find it again.
 */
public record PbxCallId(String value) {

    public PbxCallId {
        Objects.requireNonNull(value, "value is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a PBX call id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
