package org.calldesk.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's command line, with defaults that make a short run on a developer machine. */
public record BenchOptions(
        int agents,
        double rate,
        Duration duration,
        Duration confirmDelay,
        Duration talkTime,
        int transferPercent,
        int outboundPercent,
        Duration patience,
        long phoneAnswerMillis,
        boolean ramp,
        List<Double> rampRates,
        Duration rampStepDuration,
        double p99LimitMillis,
        Database database,
        String maxHeap,
        Path runtime,
        Path output,
        boolean floors,
        boolean jfr,
        boolean keepData,
        Duration idle,
        boolean pin) {

    public enum Database { H2, POSTGRES }

    public static final String USAGE = """
            usage: java -jar tools/bench/target/calldesk-bench.jar [options]
              --agents N            CTI agents (bots) logged in and Ready          (200)
              --rate R              inbound calls per second                       (20)
              --duration S          seconds of load                                (30)
              --confirm-delay MS    a bot confirms an offer this long after seeing it (200)
              --talk MS             a bot talks this long, then hangs up            (5000)
              --transfer-pct P      connected inbound calls a bot transfers to a Ready colleague (5)
              --outbound-pct P      finished calls after which the bot dials a customer before Ready (5)
              --patience MS         customers hang up this long after the PBX answered them (60000)
              --phone-answer-ms MS  agents' phones answer this long after ringing   (100)
              --ramp                find the highest rate with p99 offer latency under the limit
              --ramp-rates LIST     the rates the ramp tries, in order   (5,10,15,20,30,40,60,80,100,150,200)
              --step S              seconds of load per ramp step                  (30)
              --p99-limit MS        the ramp's p99 offer latency limit             (100)
              --db h2|postgres      H2 file as the embedded run (default), or PostgreSQL on 127.0.0.1:5432
              --max-heap SIZE       Payara Micro's -Xmx, as the launcher's         (768m)
              --runtime DIR         Payara Micro and the deployments      (packaging/launcher/target/runtime)
              --out DIR             report, JSON, chart, JFR, run data             (tools/bench/target)
              --no-floors           skip the asterisk-java and JDBC floors
              --jfr                 record the application with Flight Recorder during the load
              --keep-data           keep the run's data folder (database, logs)
              --idle S              seconds the application's idle CPU is measured, agents Ready and
                                    no calls, before the load (0: not measured)  (20)
              --pin                 the application on one core, the benchmark's processes on the
                                    other (taskset; skipped with a message when there is no taskset
                                    or only one core)
            """;

    public static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            if (List.of("ramp", "no-floors", "jfr", "keep-data", "pin").contains(name)) {
                flags.add(name);
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        Path base = defaultBase();
        BenchOptions options = new BenchOptions(
                positiveInt(values.remove("agents"), 200, "agents"),
                positiveDouble(values.remove("rate"), 20, "rate"),
                Duration.ofSeconds(positiveInt(values.remove("duration"), 30, "duration")),
                Duration.ofMillis(nonNegativeInt(values.remove("confirm-delay"), 200, "confirm-delay")),
                Duration.ofMillis(nonNegativeInt(values.remove("talk"), 5000, "talk")),
                percent(values.remove("transfer-pct"), 5, "transfer-pct"),
                percent(values.remove("outbound-pct"), 5, "outbound-pct"),
                Duration.ofMillis(nonNegativeInt(values.remove("patience"), 60_000, "patience")),
                nonNegativeInt(values.remove("phone-answer-ms"), 100, "phone-answer-ms"),
                flags.contains("ramp"),
                rates(values.remove("ramp-rates")),
                Duration.ofSeconds(positiveInt(values.remove("step"), 30, "step")),
                positiveDouble(values.remove("p99-limit"), 100, "p99-limit"),
                database(values.remove("db")),
                values.getOrDefault("max-heap", "768m"),
                Path.of(values.getOrDefault("runtime", base.resolve("packaging/launcher/target/runtime").toString())),
                Path.of(values.getOrDefault("out", base.resolve("tools/bench/target").toString())),
                !flags.contains("no-floors"),
                flags.contains("jfr"),
                flags.contains("keep-data"),
                Duration.ofSeconds(nonNegativeInt(values.remove("idle"), 20, "idle")),
                flags.contains("pin"));
        values.keySet().removeAll(List.of("max-heap", "runtime", "out"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option: --" + values.keySet().iterator().next());
        }
        return options;
    }

    /** The checkout this jar was built in (the jar is {@code tools/bench/target/calldesk-bench.jar}), else the working folder. */
    private static Path defaultBase() {
        try {
            Path jar = Path.of(BenchOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <checkout>/tools/bench/target/calldesk-bench.jar (or target/classes): four levels up
            Path checkout = jar;
            for (int i = 0; i < 4 && checkout != null; i++) {
                checkout = checkout.getParent();
            }
            if (checkout != null && java.nio.file.Files.isDirectory(checkout.resolve("packaging/launcher"))) {
                return checkout;
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall through to the working folder
        }
        return Path.of("").toAbsolutePath();
    }

    private static List<Double> rates(String text) {
        if (text == null) {
            return List.of(5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 60.0, 80.0, 100.0, 150.0, 200.0);
        }
        List<Double> rates = new ArrayList<>();
        for (String part : text.split(",")) {
            rates.add(positiveDouble(part.strip(), 0, "ramp-rates"));
        }
        return List.copyOf(rates);
    }

    private static Database database(String text) {
        if (text == null) {
            return Database.H2;
        }
        try {
            return Database.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--db must be h2 or postgres, not '" + text + "'");
        }
    }

    private static int percent(String text, int fallback, String name) {
        int value = nonNegativeInt(text, fallback, name);
        if (value > 100) {
            throw new IllegalArgumentException("--" + name + " is a percentage (0-100), not " + value);
        }
        return value;
    }

    private static int positiveInt(String text, int fallback, String name) {
        int value = nonNegativeInt(text, fallback, name);
        if (value == 0) {
            throw new IllegalArgumentException("--" + name + " must be more than 0");
        }
        return value;
    }

    private static int nonNegativeInt(String text, int fallback, String name) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number of 0 or more, not '" + text + "'");
        }
    }

    private static double positiveDouble(String text, double fallback, String name) {
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number above 0, not '" + text + "'");
        }
    }
}
