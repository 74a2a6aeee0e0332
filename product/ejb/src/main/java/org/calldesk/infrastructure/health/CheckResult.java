package org.calldesk.infrastructure.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One health check's answer: its name, UP or DOWN, and what it found (text, numbers, yes/no).
 * Plain, so the checks run on servers without MicroProfile Health; {@link MicroProfileHealth}
 * turns it into that API's response where the server has one.
 */
public final class CheckResult {

    private final String name;
    private boolean up = true;
    private final Map<String, Object> data = new LinkedHashMap<>();

    private CheckResult(String name) {
        this.name = name;
    }

    public static CheckResult named(String name) {
        return new CheckResult(name);
    }

    CheckResult up() {
        up = true;
        return this;
    }

    CheckResult down() {
        up = false;
        return this;
    }

    CheckResult with(String key, String value) {
        data.put(key, value);
        return this;
    }

    CheckResult with(String key, long value) {
        data.put(key, value);
        return this;
    }

    CheckResult with(String key, boolean value) {
        data.put(key, value);
        return this;
    }

    public String name() {
        return name;
    }

    public boolean isUp() {
        return up;
    }

    /** What the check found, in the order it found it: String, Long or Boolean values. */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }
}
