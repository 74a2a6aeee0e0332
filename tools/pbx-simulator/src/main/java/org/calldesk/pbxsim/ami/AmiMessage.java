package org.calldesk.pbxsim.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One AMI packet: an ordered list of {@code Name: value} headers, as an action from a client
 * or as the body of a response or event.
 *
 * <p>Order matters on the wire (Asterisk writes {@code Response} or {@code Event} first) and a
 * name may repeat ({@code Variable} in Originate, {@code Output} in a Command response), so
 * this is a list, not a map. Lookups ignore case, as Asterisk's {@code astman_get_header} does.
 * Instances are not thread-safe; each is built and read by one thread.
 */
public final class AmiMessage {

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** Appends a header; a {@code null} value is written as an empty one. */
    public AmiMessage add(String name, Object value) {
        names.add(Objects.requireNonNull(name, "name is required"));
        values.add(value == null ? "" : String.valueOf(value));
        return this;
    }

    /** Appends every header of {@code other}, in order. */
    public AmiMessage addAll(AmiMessage other) {
        names.addAll(other.names);
        values.addAll(other.values);
        return this;
    }

    /** The first value of the header, ignoring case, or {@code ""} if absent (as Asterisk reads it). */
    public String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return "";
    }

    /** Every value of a repeated header, ignoring case, in order. */
    public List<String> getAll(String name) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                found.add(values.get(i));
            }
        }
        return found;
    }

    public boolean has(String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    public String value(int index) {
        return values.get(index);
    }

    /** The headers as AMI writes them: {@code Name: value\r\n} each, without the closing blank line. */
    public void appendTo(StringBuilder out) {
        for (int i = 0; i < names.size(); i++) {
            out.append(names.get(i)).append(": ").append(sanitize(values.get(i))).append("\r\n");
        }
    }

    /** A complete packet: the headers and the blank line that ends it. */
    public String toWire() {
        StringBuilder out = new StringBuilder(32 * names.size() + 2);
        appendTo(out);
        return out.append("\r\n").toString();
    }

    /** Parses one {@code Name: value} line into this message; lines without a colon are ignored, as Asterisk does. */
    void addLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        add(name, value);
    }

    private static String sanitize(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return value.replace("\r", "").replace('\n', ' ');
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            boolean secret = names.get(i).toLowerCase(Locale.ROOT).matches("secret|key");
            out.append(names.get(i)).append(": ").append(secret ? "***" : values.get(i)).append("; ");
        }
        return out.toString();
    }
}
