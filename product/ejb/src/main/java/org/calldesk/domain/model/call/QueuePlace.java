package org.calldesk.domain.model.call;

import java.time.Instant;

/**
 * A caller's place in the queue: the order in which callers reached the PBX, told by the PBX
 * itself where it can. Asterisk names a call's first channel {@code [systemname-]<epoch
 * second>.<sequence>}, the sequence counting channels since it started; that order holds whether
 * the application heard the caller arrive live or learned of it later from a channel listing,
 * where only the second is known. A time on the application's clock cannot order those two
 * kinds of caller within a second. For calls whose id is not of that form (or whose second is
 * not within a day of the time given, so not plausibly of the same clock), the time given.
 *
 * <p>The place is one number, so the database orders by it: the second times 10^9 plus, within
 * the second, the PBX's sequence (modulo 10^9) or the nanosecond.
 */
public final class QueuePlace {

    private static final long PER_SECOND = 1_000_000_000L;
    private static final long PLAUSIBLE_SECONDS = 86_400;

    private QueuePlace() {
    }

    /** The place of a caller with this PBX call id, who reached the PBX at {@code at}. */
    public static long of(String pbxCallId, Instant at) {
        long second = at.getEpochSecond();
        long[] pbx = secondAndSequence(pbxCallId);
        if (pbx != null && Math.abs(pbx[0] - second) <= PLAUSIBLE_SECONDS) {
            return pbx[0] * PER_SECOND + pbx[1] % PER_SECOND;
        }
        return second * PER_SECOND + at.getNano();
    }

    private static long[] secondAndSequence(String pbxCallId) {
        if (pbxCallId == null) {
            return null;
        }
        String id = pbxCallId.substring(pbxCallId.lastIndexOf('-') + 1);
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1 || !digits(id, 0, dot) || !digits(id, dot + 1, id.length())) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(id.substring(0, dot)), Long.parseLong(id.substring(dot + 1))};
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
