package org.calldesk.connector.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * An agent's phone as the PBX knows it, technology and resource together (for example
 * {@code PJSIP/1001}).
 */
public record DeviceId(String value) implements Serializable {

    public DeviceId {
        Objects.requireNonNull(value, "value is required");
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a device id must be non-blank and without spaces: '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
