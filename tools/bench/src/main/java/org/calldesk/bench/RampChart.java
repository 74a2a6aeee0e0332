package org.calldesk.bench;

import java.util.List;
import java.util.Locale;

/**
 * Offer latency against arrival rate as a self-contained HTML page with an inline SVG chart: p50,
 * p95 and p99 on a logarithmic axis, the p99 limit as a dashed line, and each rate marked as
 * passing (green) or failing (red: over the limit, something lost or offered twice).
 */
final class RampChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private RampChart() {
    }

    static String html(List<StepResult> steps, double limitMillis, String caption) {
        StringBuilder svg = new StringBuilder();
        double maxRate = steps.stream().mapToDouble(StepResult::rate).max().orElse(1) * 1.05;
        double maxLatency = Math.max(limitMillis * 2, steps.stream().mapToDouble(s -> s.arrivalToOffer().max()).max()
                .orElse(limitMillis));
        double minLog = 0; // 1 ms
        double maxLog = Math.ceil(Math.log10(maxLatency));
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (int decade = (int) minLog; decade <= maxLog; decade++) {
            double y = y(Math.pow(10, decade), minLog, maxLog);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, y, WIDTH - RIGHT, y, LEFT - 6,
                    y + 4, label(Math.pow(10, decade))));
        }
        for (StepResult step : steps) {
            double x = x(step.rate(), maxRate);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    HEIGHT - BOTTOM + 16, label(step.rate())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">inbound calls per second</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                + "text-anchor=\"middle\">PBX arrival to offer visible</text>%n", (TOP + HEIGHT - BOTTOM) / 2,
                (TOP + HEIGHT - BOTTOM) / 2));
        double limitY = y(limitMillis, minLog, maxLog);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" "
                + "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#c00\">p99 limit %s ms"
                + "</text>%n", LEFT, limitY, WIDTH - RIGHT, limitY, WIDTH - RIGHT - 4, limitY - 4, label(limitMillis)));
        line(svg, steps, maxRate, minLog, maxLog, "p50", "#1f77b4");
        line(svg, steps, maxRate, minLog, maxLog, "p95", "#ff7f0e");
        line(svg, steps, maxRate, minLog, maxLog, "p99", "#333");
        for (StepResult step : steps) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%s calls/s: "
                            + "p99 %.1f ms, lost %d, double offers %d</title></circle>%n", x(step.rate(), maxRate),
                    y(Math.max(1, step.arrivalToOffer().p99()), minLog, maxLog), step.passes(limitMillis) ? "#2a2" : "#d22",
                    label(step.rate()), step.arrivalToOffer().p99(), step.outcome().lost(), step.doubleOffers()));
        }
        int legendX = LEFT + 10;
        String[][] legend = {{"p50", "#1f77b4"}, {"p95", "#ff7f0e"}, {"p99", "#333"}};
        for (int i = 0; i < legend.length; i++) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>%n", legendX + i * 70, TOP + 14,
                    legendX + i * 70 + 20, TOP + 14, legend[i][1], legendX + i * 70 + 24, TOP + 18, legend[i][0]));
        }
        svg.append("</svg>\n");
        StringBuilder rows = new StringBuilder();
        for (StepResult step : steps) {
            rows.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                            + "<td>%.1f</td><td>%d</td><td>%d</td><td>%.0f %%</td><td>%.0f MiB</td><td>%s</td></tr>%n",
                    label(step.rate()), step.offeredPerSecond(), step.arrivalToOffer().p50(), step.arrivalToOffer().p95(),
                    step.arrivalToOffer().p99(), step.arrivalToOffer().max(), step.outcome().lost(), step.doubleOffers(),
                    step.application().cpuPercent(), step.application().heapUsedMaxMb(),
                    step.passes(limitMillis) ? "pass" : "fail"));
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>CallDesk: offer latency against arrival rate</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;\
                padding:3px 8px;text-align:right}</style></head>
                <body><h1>Offer latency against arrival rate</h1><p>%s</p>
                %s
                <table><tr><th>calls/s</th><th>offered/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th>\
                <th>lost</th><th>double offers</th><th>app CPU</th><th>heap max</th><th></th></tr>
                %s</table></body></html>
                """.formatted(escape(caption), svg, rows);
    }

    private static void line(StringBuilder svg, List<StepResult> steps, double maxRate, double minLog, double maxLog,
                             String which, String colour) {
        StringBuilder points = new StringBuilder();
        for (StepResult step : steps) {
            Latencies.Summary s = step.arrivalToOffer();
            double value = switch (which) {
                case "p50" -> s.p50();
                case "p95" -> s.p95();
                default -> s.p99();
            };
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(step.rate(), maxRate),
                    y(Math.max(1, value), minLog, maxLog)));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                points.toString().trim(), colour));
    }

    static double x(double rate, double maxRate) {
        return LEFT + rate / maxRate * (WIDTH - LEFT - RIGHT);
    }

    /** Logarithmic: 10^minLog ms at the bottom, 10^maxLog ms at the top. */
    static double y(double millis, double minLog, double maxLog) {
        double log = Math.log10(Math.max(millis, Math.pow(10, minLog)));
        double share = (log - minLog) / Math.max(1e-9, maxLog - minLog);
        return HEIGHT - BOTTOM - Math.min(1, share) * (HEIGHT - TOP - BOTTOM);
    }

    private static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
