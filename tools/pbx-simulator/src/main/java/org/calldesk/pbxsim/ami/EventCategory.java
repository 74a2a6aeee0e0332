package org.calldesk.pbxsim.ami;

import java.util.Locale;

/**
 * Asterisk's manager permission classes ({@code EVENT_FLAG_*} in {@code manager.h}).
 *
 * <p>They do three jobs in AMI: a user's {@code read} classes choose which events it may see,
 * its {@code write} classes choose which actions it may run, and a session's event mask
 * ({@code Events:} on Login, the {@code Events} action) narrows the events further. Every event
 * carries its classes in the {@code Privilege} header, for example {@code call,all}.
 */
public enum EventCategory {
    SYSTEM(1),
    CALL(1 << 1),
    LOG(1 << 2),
    VERBOSE(1 << 3),
    COMMAND(1 << 4),
    AGENT(1 << 5),
    USER(1 << 6),
    CONFIG(1 << 7),
    DTMF(1 << 8),
    REPORTING(1 << 9),
    CDR(1 << 10),
    DIALPLAN(1 << 11),
    ORIGINATE(1 << 12),
    AGI(1 << 13),
    CC(1 << 15),
    AOC(1 << 16),
    TEST(1 << 17),
    SECURITY(1 << 18),
    MESSAGE(1 << 30);

    /** Every class, what Asterisk calls {@code all} or {@code on}. */
    public static final int ALL = Integer.MAX_VALUE;

    private final int flag;

    EventCategory(int flag) {
        this.flag = flag;
    }

    public int flag() {
        return flag;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code Privilege} header Asterisk writes for an event of this class, e.g. {@code call,all}. */
    public String privilege() {
        return label() + ",all";
    }

    /**
     * Parses a mask the way Asterisk's {@code strings_to_mask} does: digits are the number
     * itself, a false word ({@code off}, {@code no}, ...) is none, a true word ({@code on},
     * {@code yes}, ...) is all, otherwise a comma-separated list of class names.
     *
     * @return the mask, or -1 for an empty string (which leaves the mask unchanged)
     */
    public static int parseMask(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String t = text.trim();
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                return ALL;
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.matches("no|false|n|f|0|off")) {
            return 0;
        }
        if (lower.matches("yes|true|y|t|1|on")) {
            return ALL;
        }
        int mask = 0;
        for (String part : lower.split(",")) {
            String label = part.trim();
            if (label.equals("all")) {
                mask |= ALL;
                continue;
            }
            for (EventCategory c : values()) {
                if (c.label().equals(label)) {
                    mask |= c.flag;
                }
            }
        }
        return mask;
    }
}
