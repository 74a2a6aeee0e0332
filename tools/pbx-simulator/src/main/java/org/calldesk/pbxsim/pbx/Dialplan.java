package org.calldesk.pbxsim.pbx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed {@code extensions.conf}: contexts of extensions, each a numbered list of
 * application calls.
 *
 * <p>It reads the subset of Asterisk's syntax that the CallDesk contract uses:
 * {@code [context]}, {@code exten => ext,prio,App(args)}, {@code same => n,App(args)},
 * {@code include => context}, {@code ;} comments, numeric and {@code n} priorities, and
 * Asterisk extension patterns ({@code _X.}, {@code _NXX}, {@code [1-5]}, {@code .} and
 * {@code !}). An exact extension wins over a pattern, as in Asterisk. Immutable once parsed.
 */
public final class Dialplan {

    /** One priority of an extension: the application and its unsubstituted argument string. */
    public record Step(String application, String data) {
    }

    private record Extension(String pattern, Map<Integer, Step> priorities) {

        boolean isPattern() {
            return pattern.startsWith("_");
        }

        boolean matches(String exten) {
            return isPattern() ? matchPattern(pattern.substring(1), exten) : pattern.equals(exten);
        }
    }

    private record Context(String name, List<Extension> extensions, List<String> includes) {
    }

    private final Map<String, Context> contexts;

    private Dialplan(Map<String, Context> contexts) {
        this.contexts = contexts;
    }

    /** Parses dialplan text; an unparseable line is an {@link IllegalArgumentException} naming it. */
    public static Dialplan parse(String text) {
        Map<String, List<Extension>> extensions = new LinkedHashMap<>();
        Map<String, List<String>> includes = new LinkedHashMap<>();
        String context = null;
        Extension last = null;
        int lineNo = 0;
        for (String raw : text.split("\r?\n")) {
            lineNo++;
            String line = stripComment(raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                if (end < 0) {
                    throw new IllegalArgumentException("line " + lineNo + ": unterminated context name: " + raw);
                }
                context = line.substring(1, end).trim();
                extensions.computeIfAbsent(context, k -> new ArrayList<>());
                includes.computeIfAbsent(context, k -> new ArrayList<>());
                last = null;
                continue;
            }
            int arrow = line.indexOf("=>");
            int eq = line.indexOf('=');
            if (context == null || eq < 0) {
                throw new IllegalArgumentException("line " + lineNo + ": not inside a context or not a dialplan line: " + raw);
            }
            String keyword = line.substring(0, arrow >= 0 ? arrow : eq).trim().toLowerCase();
            String rest = line.substring(arrow >= 0 ? arrow + 2 : eq + 1).trim();
            switch (keyword) {
                case "include" -> includes.get(context).add(rest);
                case "exten" -> {
                    String[] parts = rest.split(",", 3);
                    if (parts.length < 3) {
                        throw new IllegalArgumentException("line " + lineNo + ": exten needs extension,priority,application: " + raw);
                    }
                    String pattern = parts[0].trim();
                    Extension ext = null;
                    for (Extension e : extensions.get(context)) {
                        if (e.pattern().equals(pattern)) {
                            ext = e;
                        }
                    }
                    if (ext == null) {
                        ext = new Extension(pattern, new TreeMap<>());
                        extensions.get(context).add(ext);
                    }
                    addPriority(ext, parts[1].trim(), parts[2].trim(), lineNo);
                    last = ext;
                }
                case "same" -> {
                    if (last == null) {
                        throw new IllegalArgumentException("line " + lineNo + ": 'same' without a preceding exten: " + raw);
                    }
                    String[] parts = rest.split(",", 2);
                    if (parts.length < 2) {
                        throw new IllegalArgumentException("line " + lineNo + ": same needs priority,application: " + raw);
                    }
                    addPriority(last, parts[0].trim(), parts[1].trim(), lineNo);
                }
                default -> throw new IllegalArgumentException("line " + lineNo + ": unknown keyword '" + keyword + "': " + raw);
            }
        }
        Map<String, Context> built = new LinkedHashMap<>();
        extensions.forEach((name, exts) -> {
            List<Extension> frozen = new ArrayList<>();
            for (Extension e : exts) {
                frozen.add(new Extension(e.pattern(), Collections.unmodifiableMap(new TreeMap<>(e.priorities()))));
            }
            built.put(name, new Context(name, List.copyOf(frozen), List.copyOf(includes.get(name))));
        });
        return new Dialplan(Collections.unmodifiableMap(built));
    }

    /** Whether a context of this name exists. */
    public boolean hasContext(String context) {
        return contexts.containsKey(context);
    }

    /** Whether {@code context,exten,priority} exists, as Asterisk's {@code ast_exists_extension} checks it. */
    public boolean exists(String context, String exten, int priority) {
        return find(context, exten, priority).isPresent();
    }

    /** The step at {@code context,exten,priority}, following includes. */
    public Optional<Step> find(String context, String exten, int priority) {
        return findExtension(context, exten, new ArrayList<>()).map(e -> e.priorities().get(priority));
    }

    private Optional<Extension> findExtension(String context, String exten, List<String> visited) {
        Context ctx = contexts.get(context);
        if (ctx == null || visited.contains(context) || exten == null) {
            return Optional.empty();
        }
        visited.add(context);
        for (Extension e : ctx.extensions()) {
            if (!e.isPattern() && e.matches(exten)) {
                return Optional.of(e);
            }
        }
        for (Extension e : ctx.extensions()) {
            if (e.isPattern() && e.matches(exten)) {
                return Optional.of(e);
            }
        }
        for (String include : ctx.includes()) {
            Optional<Extension> found = findExtension(include, exten, visited);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void addPriority(Extension ext, String priority, String call, int lineNo) {
        String prio = priority;
        int label = prio.indexOf('(');
        if (label >= 0) {
            prio = prio.substring(0, label).trim();
        }
        int number;
        if (prio.equals("n")) {
            number = ext.priorities().isEmpty() ? 1 : ((TreeMap<Integer, Step>) ext.priorities()).lastKey() + 1;
        } else if (prio.equals("hint")) {
            return;
        } else {
            try {
                number = Integer.parseInt(prio);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + lineNo + ": bad priority '" + priority + "'", e);
            }
        }
        String app = call;
        String data = "";
        int open = call.indexOf('(');
        if (open >= 0) {
            app = call.substring(0, open).trim();
            int close = call.lastIndexOf(')');
            data = call.substring(open + 1, close > open ? close : call.length());
        }
        ext.priorities().put(number, new Step(app.trim(), data));
    }

    private static String stripComment(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                out.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Asterisk's extension pattern match, without the leading underscore. */
    static boolean matchPattern(String pattern, String exten) {
        return match(pattern, 0, exten, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = Character.toUpperCase(p.charAt(pi));
        if (c == '.') {
            return si < s.length() && (match(p, pi + 1, s, si + 1) || match(p, pi, s, si + 1));
        }
        if (c == '!') {
            return match(p, pi + 1, s, si) || (si < s.length() && match(p, pi, s, si + 1));
        }
        if (si == s.length()) {
            return false;
        }
        char x = s.charAt(si);
        switch (c) {
            case 'X':
                return x >= '0' && x <= '9' && match(p, pi + 1, s, si + 1);
            case 'Z':
                return x >= '1' && x <= '9' && match(p, pi + 1, s, si + 1);
            case 'N':
                return x >= '2' && x <= '9' && match(p, pi + 1, s, si + 1);
            case '[': {
                int end = p.indexOf(']', pi);
                if (end < 0) {
                    return false;
                }
                String set = p.substring(pi + 1, end);
                boolean in = false;
                for (int i = 0; i < set.length(); i++) {
                    if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                        in |= x >= set.charAt(i) && x <= set.charAt(i + 2);
                        i += 2;
                    } else {
                        in |= x == set.charAt(i);
                    }
                }
                return in && match(p, end + 1, s, si + 1);
            }
            case '-':
                return match(p, pi + 1, s, si);
            default:
                return p.charAt(pi) == x && match(p, pi + 1, s, si + 1);
        }
    }
}
