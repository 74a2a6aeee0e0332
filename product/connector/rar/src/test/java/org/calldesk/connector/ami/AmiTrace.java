package org.calldesk.connector.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;
import org.calldesk.connector.ami.CallDeskWaitingEvent;

/**
 * A recorded AMI trace ({@code src/test/resources/asterisk-traces/}, see its README): what a real
 * Asterisk (or the simulator) sent, turned into the asterisk-java event objects its reader would
 * have built, so tests can replay the PBX's own words through the adapter's mapping.
 *
 * <p>The file holds one message per block: a {@code --- HH:MM:SS.mmm} line (arrival time), then
 * the message's {@code Header: value} lines; {@code ###} lines mark the recording session's own
 * connects and closes. Responses (no {@code Event} header) are skipped.
 */
final class AmiTrace {

    /** One event as recorded: when it arrived (the trace's clock) and asterisk-java's object. */
    record Entry(String time, ManagerEvent event) {
    }

    private AmiTrace() {
    }

    /** The events of a trace in {@code src/test/resources/asterisk-traces/}, in the order they arrived. */
    static List<Entry> read(String name) {
        Builder builder = new Builder();
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = AmiTrace.class.getResourceAsStream("/asterisk-traces/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no trace " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String time = null;
            Map<String, Object> headers = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("--- ") || line.startsWith("###")) {
                    addEvent(builder, time, headers, entries);
                    time = line.startsWith("--- ") ? line.substring(4).trim() : null;
                    headers = line.startsWith("--- ") ? new HashMap<>() : null;
                } else if (headers != null) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        // the reader keeps the first of repeated headers and names them in lower case
                        headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                }
            }
            addEvent(builder, time, headers, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The events of a trace that arrived between two times of its clock ({@code HH:MM:SS}, inclusive). */
    static List<ManagerEvent> between(List<Entry> trace, String from, String to) {
        List<ManagerEvent> events = new ArrayList<>();
        for (Entry entry : trace) {
            String second = entry.time().substring(0, Math.min(8, entry.time().length()));
            if (second.compareTo(from) >= 0 && second.compareTo(to) <= 0) {
                events.add(entry.event());
            }
        }
        return events;
    }

    private static void addEvent(Builder builder, String time, Map<String, Object> headers, List<Entry> entries) {
        if (headers == null || !headers.containsKey("event")) {
            return;
        }
        ManagerEvent event = builder.build(headers);
        if (event != null) {
            entries.add(new Entry(time, event));
        }
    }

    /**
     * asterisk-java's own event builder (package-private in asterisk-java, so reached
     * reflectively), with the adapter's user event registered as {@link AmiClient} registers it.
     */
    private static final class Builder {
        private final Object builder;
        private final Method build;

        Builder() {
            try {
                Class<?> type = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                builder = constructor.newInstance();
                Method register = type.getMethod("registerEventClass", Class.class);
                register.setAccessible(true);
                register.invoke(builder, CallDeskWaitingEvent.class);
                build = type.getMethod("buildEvent", Object.class, Map.class);
                build.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("asterisk-java's EventBuilderImpl changed", e);
            }
        }

        ManagerEvent build(Map<String, Object> headers) {
            try {
                return (ManagerEvent) build.invoke(builder, AmiTrace.class, headers);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not build " + headers.get("event"), e);
            }
        }
    }
}
