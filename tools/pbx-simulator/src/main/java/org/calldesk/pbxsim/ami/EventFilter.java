package org.calldesk.pbxsim.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A manager user's {@code eventfilter} lines (manager.conf), as Asterisk applies them: each is a
 * regular expression matched against the whole text of an event; one that starts with {@code !}
 * is a blacklist filter, any other a whitelist filter. No filter: every event. Whitelist filters
 * only: the events one of them matches. Blacklist filters only: the events none of them matches.
 * Both: the events a whitelist filter matches and no blacklist filter does. Immutable.
 */
public final class EventFilter {

    /** No filter: every event the user may read and asked for. */
    public static final EventFilter NONE = new EventFilter(List.of(), List.of());

    private final List<Pattern> white;
    private final List<Pattern> black;

    private EventFilter(List<Pattern> white, List<Pattern> black) {
        this.white = List.copyOf(white);
        this.black = List.copyOf(black);
    }

    /**
     * @param lines the {@code eventfilter} values, e.g. {@code Event: Newchannel} or {@code !Channel: DAHDI.*}
     * @throws java.util.regex.PatternSyntaxException for a line that is no regular expression
     */
    public static EventFilter of(List<String> lines) {
        List<Pattern> white = new ArrayList<>();
        List<Pattern> black = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("!")) {
                black.add(Pattern.compile(line.substring(1)));
            } else {
                white.add(Pattern.compile(line));
            }
        }
        return white.isEmpty() && black.isEmpty() ? NONE : new EventFilter(white, black);
    }

    /** Whether the event passes the filters. */
    public boolean allows(AmiEvent event) {
        if (white.isEmpty() && black.isEmpty()) {
            return true;
        }
        String text = event.toWire();
        if (!white.isEmpty() && white.stream().noneMatch(pattern -> pattern.matcher(text).find())) {
            return false;
        }
        return black.stream().noneMatch(pattern -> pattern.matcher(text).find());
    }
}
