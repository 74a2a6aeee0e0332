package org.calldesk.application.pbx;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel the PBX has now, as the reconciler compares it with the open calls: which call it
 * belongs to and what part it plays.
 *
 * @param name         the PBX's channel name, to hang it up by
 * @param call         the call it belongs to
 * @param part         the part it plays
 * @param device       the phone of an agent leg
 * @param callerNumber the caller's number (of a waiting caller), or empty
 * @param dialled      the number the caller dialled (of a waiting caller), or empty
 * @param age          how long the channel has existed
 * @param arrival      when it came to be on the PBX, if the PBX says
 */
public record ChannelOnPbx(String name, PbxCallId call, Part part, Optional<String> device, String callerNumber,
                           String dialled, Duration age, Optional<Instant> arrival) {

    /** What a channel is to the contact center. */
    public enum Part {
        /** A caller in the waiting context, with music, for an agent. */
        CALLER_WAITING,
        /** A leg the application placed to an agent's phone (connect, consultation, Dial up). */
        AGENT_LEG,
        /** Anything else (a customer talking or held, a leg the application did not place). */
        OTHER
    }

    public ChannelOnPbx {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(call, "call is required");
        Objects.requireNonNull(part, "part is required");
        Objects.requireNonNull(device, "device is required");
        Objects.requireNonNull(callerNumber, "callerNumber is required");
        Objects.requireNonNull(dialled, "dialled is required");
        Objects.requireNonNull(age, "age is required");
        Objects.requireNonNull(arrival, "arrival is required");
    }
}
