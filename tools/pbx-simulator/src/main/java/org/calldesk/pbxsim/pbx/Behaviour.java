package org.calldesk.pbxsim.pbx;

import java.util.Locale;
import java.util.Objects;

/**
 * What the far end of a simulated line does: an agent's phone or a customer on the trunk.
 *
 * <p>When called, it answers after a delay, is busy, or rings until the caller gives up; once
 * its call is up it may hang up by itself after a delay (a customer who stops waiting, an
 * agent who puts the handset down). For a customer who calls in, the hang-up delay counts
 * from the moment the PBX answers the call.
 *
 * @param answer what happens when the line is called
 * @param answerAfterMillis ring time before answering, for {@link Answer#AFTER}
 * @param hangupAfterMillis how long after being answered the far end hangs up; 0 for never
 */
public record Behaviour(Answer answer, long answerAfterMillis, long hangupAfterMillis) {

    /** How a called line reacts. */
    public enum Answer {
        /** Rings, then answers after {@code answerAfterMillis}. */
        AFTER,
        /** Answers with busy at once (SIP 486, cause 17). */
        BUSY,
        /** Rings until the caller's timeout. */
        NEVER;

        /** Parses {@code after}, {@code busy} or {@code never}, ignoring case. */
        public static Answer parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    public Behaviour {
        Objects.requireNonNull(answer, "answer is required");
        if (answerAfterMillis < 0 || hangupAfterMillis < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    public static Behaviour answerAfter(long millis) {
        return new Behaviour(Answer.AFTER, millis, 0);
    }

    public static Behaviour busy() {
        return new Behaviour(Answer.BUSY, 0, 0);
    }

    public static Behaviour neverAnswer() {
        return new Behaviour(Answer.NEVER, 0, 0);
    }

    /** The same behaviour, but hanging up {@code millis} after the call is answered. */
    public Behaviour hangingUpAfter(long millis) {
        return new Behaviour(answer, answerAfterMillis, millis);
    }
}
