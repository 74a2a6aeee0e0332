package org.calldesk.pbxsim.ami;

import java.util.Objects;

/**
 * One AMI event, rendered once and shared by every session that receives it.
 *
 * <p>Rendering happens on first use and is cached, so an event sent to ten sessions is
 * formatted once; the layout is Asterisk's ({@code Event}, {@code Privilege}, the optional
 * {@code Timestamp}, the optional {@code SequenceNumber}, {@code File}, {@code Line}, {@code Func},
 * then the body).
 */
public final class AmiEvent {

    private final String name;
    private final EventCategory category;
    private final AmiMessage body;
    private final long timestampMicros;
    private final long sequenceNumber;
    private volatile String wire;

    public AmiEvent(String name, EventCategory category, AmiMessage body) {
        this(name, category, body, -1);
    }

    /**
     * An event with Asterisk's {@code Timestamp} header (manager.conf {@code timestampevents = yes}).
     *
     * @param timestampMicros microseconds since the epoch, or -1 for no Timestamp header
     */
    public AmiEvent(String name, EventCategory category, AmiMessage body, long timestampMicros) {
        this(name, category, body, timestampMicros, -1);
    }

    /**
     * An event as Asterisk sends it with manager.conf {@code debug = on}: numbered by one counter
     * for all sessions ({@code SequenceNumber}, followed by the {@code File}, {@code Line} and
     * {@code Func} that raised it), so every client sees the same number for the same event.
     *
     * @param timestampMicros microseconds since the epoch, or -1 for no Timestamp header
     * @param sequenceNumber  the event's number, or -1 for no SequenceNumber header
     */
    public AmiEvent(String name, EventCategory category, AmiMessage body, long timestampMicros, long sequenceNumber) {
        this.name = Objects.requireNonNull(name, "name is required");
        this.category = Objects.requireNonNull(category, "category is required");
        this.body = Objects.requireNonNull(body, "body is required");
        this.timestampMicros = timestampMicros;
        this.sequenceNumber = sequenceNumber;
    }

    public String name() {
        return name;
    }

    public EventCategory category() {
        return category;
    }

    /** The headers after {@code Event} and {@code Privilege}; callers must not change it once published. */
    public AmiMessage body() {
        return body;
    }

    /** The packet as written on the wire, ending with the blank line. */
    public String toWire() {
        String w = wire;
        if (w == null) {
            StringBuilder out = new StringBuilder(64 + 40 * body.size());
            out.append("Event: ").append(name).append("\r\n");
            out.append("Privilege: ").append(category.privilege()).append("\r\n");
            if (timestampMicros >= 0) {
                out.append("Timestamp: ").append(timestampMicros / 1_000_000).append('.')
                        .append(String.format(java.util.Locale.ROOT, "%06d", timestampMicros % 1_000_000)).append("\r\n");
            }
            if (sequenceNumber >= 0) {
                out.append("SequenceNumber: ").append(sequenceNumber).append("\r\n")
                        .append("File: pbxsim\r\nLine: 0\r\nFunc: ").append(name).append("\r\n");
            }
            body.appendTo(out);
            out.append("\r\n");
            w = out.toString();
            wire = w;
        }
        return w;
    }

    @Override
    public String toString() {
        return "Event " + name + " {" + body + "}";
    }
}
