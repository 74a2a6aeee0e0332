package org.calldesk.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.calldesk.pbxsim.PbxAgreement;
import org.calldesk.pbxsim.ami.AmiEvent;
import org.calldesk.pbxsim.pbx.LoadGenerator;
import org.calldesk.pbxsim.pbx.LoadProfile;

/**
 * The benchmark of the whole call path. Starts the product as the launcher does (broker and PBX
 * simulator here, Payara Micro with the application in a child process) on a fresh data folder,
 * measures the floors, registers the agent bots, then lets the simulator place inbound calls at
 * the set rate (or at rising rates, with {@code --ramp}) and reports what happened to them.
 */
public final class Benchmark {

    static final List<String> SERVICE_NUMBERS = List.of("15880001", "15880002");
    private static final double AMI_FLOOR_RATE = 2000;
    private static final Duration FLOOR_TIME = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    /**
     * Before the idle CPU is measured: the agents' registration has just ended, and the JIT
     * compiles what it ran (the C2 compiler took most of the first idle seconds of a 2,000-agent run).
     */
    private static final Duration IDLE_SETTLE = Duration.ofSeconds(10);
    /** A drain that sees no call end and no agent become Ready for this long gives up. */
    private static final Duration STUCK = Duration.ofSeconds(20);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        int status = run(options);
        System.exit(status);
    }

    static int run(BenchOptions options) throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dataDir = options.output().resolve("runs").resolve(stamp);
        System.out.printf("bench: data in %s, machine load %s%n", dataDir, loadAverage());
        List<StepResult> steps = new ArrayList<>();
        Floors.AmiFloor amiFloor = null;
        Floors.DatabaseFloor dbFloor = null;
        Profiler.Summary profile = null;
        Double highest = null;
        IdleResult idle = null;
        Profiler.Summary idleProfile = null;
        IdleResult idleAfter = null;
        Profiler.Summary idleAfterProfile = null;
        boolean agreed;
        try (BenchStack stack = BenchStack.startInfrastructure(options, dataDir,
                BenchStack.phones(AgentBots.devices(options.agents())))) {
            Thread stopOnInterrupt = new Thread(stack::close, "bench-stop");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            if (options.floors()) {
                amiFloor = Floors.ami(stack.pbx, AMI_FLOOR_RATE, FLOOR_TIME);
                System.out.printf(Locale.ROOT, "bench: floor, asterisk-java alone: %.0f events/s, %.0f inbound calls/s%n",
                        amiFloor.eventsPerSecond(), amiFloor.callsPerSecond());
                dbFloor = databaseFloor(options, stack);
                System.out.printf(Locale.ROOT, "bench: floor, insert+commit: %.0f/s (p50 %.2f ms)%n",
                        dbFloor.commitsPerSecond(), dbFloor.commitMillisP50());
            }
            java.util.Optional<Pinning> pinning = options.pin() ? Pinning.ifPossible() : java.util.Optional.empty();
            if (pinning.isPresent()) {
                pinning.get().beforeApplication();
            }
            long started = System.nanoTime();
            stack.startApplication(options);
            System.out.printf("bench: application healthy after %.0f s (pid %d)%n", (System.nanoTime() - started) / 1e9,
                    stack.applicationPid());
            if (pinning.isPresent()) {
                pinning.get().afterApplication(stack.applicationPid());
            }
            try (CallDeskApi api = new CallDeskApi(stack.baseUrl(), "admin", "admin");
                 AgentBots bots = new AgentBots(options, api);
                 EventFeed feed = EventFeed.subscribe(stack.broker.url(), bots)) {
                stack.pbx.addEventListener(event -> {
                    if (isArrival(event)) {
                        bots.currentRun().arrived(event.body().get("Linkedid"), System.nanoTime());
                    }
                });
                bots.setUp();
                if (!options.idle().isZero()) {
                    Path idleRecording = options.jfr() ? options.output().resolve("calldesk-idle-" + stamp + ".jfr") : null;
                    idle = idle(stack, options, idleRecording);
                    System.out.print(Report.idleTable(idle));
                    if (idleRecording != null) {
                        idleProfile = Profiler.summarize(idleRecording, 25);
                        printProfile(idleProfile, idleRecording);
                    }
                }
                List<Double> warmUp = options.ramp() ? List.of(options.rampRates().get(0)) : warmUpRates(options.rate());
                System.out.printf(Locale.ROOT, "bench: warming up at %s calls/s, %d s each%n", warmUp, WARM_UP.toSeconds());
                for (double warmUpRate : warmUp) {
                    step(stack, bots, options, warmUpRate, WARM_UP, false);
                }
                List<Double> rates = options.ramp() ? options.rampRates() : List.of(options.rate());
                Duration duration = options.ramp() ? options.rampStepDuration() : options.duration();
                for (double rate : rates) {
                    StepResult result = step(stack, bots, options, rate, duration, options.jfr() && !options.ramp());
                    steps.add(result);
                    System.out.print(Report.table(options, result, amiFloor, dbFloor));
                    if (options.ramp()) {
                        if (!result.passes(options.p99LimitMillis())) {
                            System.out.printf(Locale.ROOT, "bench: %.0f calls/s fails (p99 %.1f ms, lost %d, double %d);"
                                            + " the ramp stops%n", rate, result.arrivalToOffer().p99(),
                                    result.outcome().lost(), result.doubleOffers());
                            break;
                        }
                        highest = rate;
                    }
                }
                if (!steps.isEmpty()) {
                    System.out.print(Report.cpuPerCallTable(steps));
                }
                if (!options.idle().isZero() && !steps.isEmpty()) {
                    // again once the load has compiled the hot path: before it, the JIT is still at work
                    Path idleRecording = options.jfr() ? options.output().resolve("calldesk-idle-after-" + stamp + ".jfr")
                            : null;
                    idleAfter = idle(stack, options, idleRecording);
                    System.out.print(Report.idleTable(idleAfter).replace("| CallDesk idle |", "| CallDesk idle after the load |"));
                    if (idleRecording != null) {
                        idleAfterProfile = Profiler.summarize(idleRecording, 25);
                        printProfile(idleAfterProfile, idleRecording);
                    }
                }
                agreed = pbxAndApplicationAgree(stack);
                if (lastProfile != null) {
                    profile = Profiler.summarize(lastProfile, 25);
                    printProfile(profile, lastProfile);
                }
            }
        }
        JsonObject json = Report.json(options, steps, amiFloor, dbFloor, highest, profile, idle,
                idleProfile, idleAfter, idleAfterProfile);
        Path jsonFile = options.output().resolve(options.ramp() ? "bench-ramp-" + stamp + ".json" : "bench-" + stamp + ".json");
        Report.write(json, jsonFile);
        System.out.println("bench: JSON report " + jsonFile);
        if (options.ramp()) {
            Path chart = options.output().resolve("bench-ramp-" + stamp + ".html");
            Files.writeString(chart, RampChart.html(steps, options.p99LimitMillis(), String.format(Locale.ROOT,
                    "%d agents, confirm after %d ms, talk %d ms, %s, %d s per rate; highest passing rate: %s calls/s "
                            + "(machine load at the end: %s)", options.agents(), options.confirmDelay().toMillis(),
                    options.talkTime().toMillis(), options.database().name(), options.rampStepDuration().toSeconds(),
                    highest == null ? "none" : String.format(Locale.ROOT, "%.0f", highest), loadAverage())));
            System.out.println("bench: chart " + chart + "; highest rate with p99 offer latency under "
                    + options.p99LimitMillis() + " ms and nothing lost: " + (highest == null ? "none" : highest));
        }
        if (!options.keepData()) {
            deleteQuietly(dataDir);
        }
        boolean clean = agreed && steps.stream().allMatch(s -> s.outcome().lost() == 0 && s.doubleOffers() == 0);
        return clean ? 0 : 1;
    }

    /**
     * The design's invariant at the end of the run ({@link PbxAgreement}): no channel left on an
     * agent's phone, no bridge or waiting caller the application does not know. A run after which
     * they disagree is not clean.
     */
    private static boolean pbxAndApplicationAgree(BenchStack stack) {
        try {
            new PbxAgreement().await(stack.pbx::channels, PbxAgreement.applicationOver(
                    URI.create(stack.baseUrl() + "/calldesk/api/v1"), "admin", "admin"), Duration.ofSeconds(30));
            System.out.println("bench: the PBX and the application agree at the end of the run");
            return true;
        } catch (AssertionError e) {
            System.out.println("bench: " + e.getMessage());
            return false;
        }
    }

    /**
     * The application's CPU with every agent logged in and Ready and no call, for
     * {@code --idle} seconds (with {@code --jfr} recorded too): what it costs per second
     * regardless of calls.
     */
    private static IdleResult idle(BenchStack stack, BenchOptions options, Path recording) throws Exception {
        System.out.printf("bench: idle, %d agents Ready, no calls, for %d s after %d s to settle%n", options.agents(),
                options.idle().toSeconds(), IDLE_SETTLE.toSeconds());
        Thread.sleep(IDLE_SETTLE.toMillis());
        Profiler profiler = recording == null ? null : Profiler.start(stack.applicationPid(), recording);
        if (profiler != null) {
            Thread.sleep(IDLE_SETTLE.toMillis() / 2); // the recorder's own start is not the application's cost
        }
        long benchPid = ProcessHandle.current().pid();
        long benchTicks = ProcessMonitor.cpuTicks(benchPid);
        try (ProcessMonitor monitor = new ProcessMonitor(stack.applicationPid())) {
            long start = System.nanoTime();
            Thread.sleep(options.idle().toMillis());
            ProcessMonitor.Usage usage = monitor.usage();
            double seconds = (System.nanoTime() - start) / 1e9;
            double benchCpu = (ProcessMonitor.cpuTicks(benchPid) - benchTicks) / 100.0 / seconds * 100;
            return new IdleResult(options.agents(), seconds, usage.cpuPercent(), benchCpu, loadAverage());
        } finally {
            if (profiler != null) {
                profiler.stop();
            }
        }
    }

    /**
     * The rates before a measured run: up to 20 calls/s that rate, above it a climb to the rate in
     * four steps (20, 40, 60, 80 %), as a contact center's morning climbs, so that the measured
     * minutes see the application as it runs all day (its hot path compiled by the JIT, its pools
     * filled) and not the first seconds of a cold start at full load.
     */
    static List<Double> warmUpRates(double rate) {
        if (rate <= 20) {
            return List.of(rate);
        }
        return List.of(rate * 0.2, rate * 0.4, rate * 0.6, rate * 0.8);
    }

    private static Path lastProfile;

    private static StepResult step(BenchStack stack, AgentBots bots, BenchOptions options, double rate, Duration duration,
                                   boolean record) throws Exception {
        LoadRun run = bots.newRun();
        long retriesBefore = bots.retries();
        long benchPid = ProcessHandle.current().pid();
        long benchTicks = ProcessMonitor.cpuTicks(benchPid);
        Profiler profiler = record ? Profiler.start(stack.applicationPid(), options.output()
                .resolve("calldesk-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jfr"))
                : null;
        ProcessMonitor.Usage usage;
        double benchCpu;
        LoadGenerator load;
        try (ProcessMonitor monitor = new ProcessMonitor(stack.applicationPid())) {
            long start = System.nanoTime();
            run.startNanos = start;
            load = stack.pbx.startLoad(new LoadProfile(rate, duration, SERVICE_NUMBERS, options.patience().toMillis(),
                    20_000));
            while (!load.awaitFinished(10, TimeUnit.SECONDS)) {
                System.out.printf(Locale.ROOT, "bench: %.0f calls/s, %3.0f s: placed %d, offered %d, p99 so far %.1f ms, "
                                + "idle agents %d%n", rate, (System.nanoTime() - start) / 1e9, load.placed(),
                        run.arrivalToOffer.count(), run.arrivalToOffer.summary().p99(), bots.idleCount());
            }
            run.endNanos = System.nanoTime();
            usage = monitor.usage();
            benchCpu = (ProcessMonitor.cpuTicks(benchPid) - benchTicks) / 100.0 / ((run.endNanos - start) / 1e9) * 100;
            if (profiler != null) {
                lastProfile = profiler.stop();
            }
            drain(run, bots, options);
        }
        ProcessMonitor.Usage benchUsage = new ProcessMonitor.Usage(benchCpu, 0, 0, 0, 0, 0, 0, 0);
        return StepResult.of(rate, duration.toSeconds(), load.placed(), load.skipped(), run,
                bots.retries() - retriesBefore, usage, benchUsage,
                loadAverage());
    }

    /**
     * Until every call of the period ended and every bot is Ready again; or until nothing moved
     * for {@link #STUCK}, or the longest a call can take (waiting, talking, transferred) is over.
     */
    private static void drain(LoadRun run, AgentBots bots, BenchOptions options) throws InterruptedException {
        long deadline = System.nanoTime() + options.talkTime().multipliedBy(3).plus(options.patience())
                .plusSeconds(30).toNanos();
        long lastMove = System.nanoTime();
        String last = "";
        while (System.nanoTime() < deadline && System.nanoTime() - lastMove < STUCK.toNanos()) {
            long unfinished = run.unfinished();
            if (unfinished == 0 && bots.allIdle()) {
                return;
            }
            String now = unfinished + "/" + bots.idleCount();
            if (!now.equals(last)) {
                last = now;
                lastMove = System.nanoTime();
            }
            Thread.sleep(250);
        }
        System.out.printf("bench: after the drain %d calls are not ended, %d agents are not Ready; e.g. calls %s, "
                + "agents %s%n", run.unfinished(), options.agents() - bots.idleCount(), run.describeUnfinished(5),
                bots.describeBusy(5));
    }

    private static boolean isArrival(AmiEvent event) {
        return event.name().equals("UserEvent") && "CallDeskWaiting".equals(event.body().get("UserEvent"));
    }

    private static Floors.DatabaseFloor databaseFloor(BenchOptions options, BenchStack stack) throws Exception {
        if (options.database() == BenchOptions.Database.POSTGRES) {
            return Floors.database(stack.dbUrl, stack.dbUser, "", FLOOR_TIME);
        }
        // the application's H2 file is locked by the application: a file of its own beside it, same engine and disk
        return Floors.database("jdbc:h2:file:" + stack.dataDir.resolve("floor").resolve("floor"), "calldesk", "calldesk",
                FLOOR_TIME);
    }

    private static void printProfile(Profiler.Summary profile, Path file) {
        System.out.printf("%nbench: profile of the application (%s, %d execution samples)%n", file, profile.samples());
        System.out.println("| self % | method |\n| ---: | --- |");
        profile.self().stream().limit(15).forEach(h -> System.out.printf(Locale.ROOT, "| %.1f | %s |%n", h.percent(), h.method()));
        System.out.println("\n| total % | method |\n| ---: | --- |");
        profile.total().stream().filter(h -> h.method().startsWith("org.calldesk") || h.percent() < 90).limit(25)
                .forEach(h -> System.out.printf(Locale.ROOT, "| %.1f | %s |%n", h.percent(), h.method()));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
