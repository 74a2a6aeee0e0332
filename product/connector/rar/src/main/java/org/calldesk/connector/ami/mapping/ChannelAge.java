package org.calldesk.connector.ami.mapping;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * When a channel came to be on the PBX, as its {@code Uniqueid} says: Asterisk names every channel
 * {@code [systemname-]<epoch seconds>.<sequence>}, the sequence counting the channels since the
 * PBX started. So unique ids order channels by their creation, also those the adapter never saw
 * created (a listing after a reconnect), where the application's clock and the order of a
 * listing say nothing about who called first.
 *
 * @param epochSecond the second the channel was created
 * @param sequence    the PBX's channel counter at its creation
 */
public record ChannelAge(long epochSecond, long sequence) implements Comparable<ChannelAge> {

    private static final Comparator<ChannelAge> ORDER =
            Comparator.comparingLong(ChannelAge::epochSecond).thenComparingLong(ChannelAge::sequence);

    /** The age a unique id tells, if it is one of Asterisk's. */
    public static Optional<ChannelAge> of(String uniqueId) {
        if (uniqueId == null) {
            return Optional.empty();
        }
        String id = uniqueId.trim();
        int dash = id.lastIndexOf('-');
        if (dash >= 0) {
            id = id.substring(dash + 1);
        }
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChannelAge(Long.parseLong(id.substring(0, dot)), Long.parseLong(id.substring(dot + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Channels in the order the PBX created them; ids it did not give (or not in its form) last. */
    static Comparator<String> byCreation() {
        return Comparator.comparing((String id) -> of(id).orElse(null), Comparator.nullsLast(ORDER));
    }

    /**
     * When the channel arrived, for ordering calls by it: its creation second, and within it a
     * microsecond per step of the PBX's channel counter (modulo a million). The same unique id
     * always gives the same instant, wherever the adapter reads it (a login's listing, the
     * reconciler's), so a call recorded from either is placed alike in the queue.
     */
    public Instant arrival() {
        return Instant.ofEpochSecond(epochSecond, (sequence % 1_000_000) * 1_000);
    }

    @Override
    public int compareTo(ChannelAge other) {
        return ORDER.compare(this, other);
    }
}
