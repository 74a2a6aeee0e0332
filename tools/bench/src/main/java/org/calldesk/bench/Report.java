package org.calldesk.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's report: a table for people, JSON for machines. */
final class Report {

    private Report() {
    }

    static String table(BenchOptions options, StepResult step, Floors.AmiFloor ami, Floors.DatabaseFloor db) {
        StringBuilder out = new StringBuilder();
        LoadRun.Outcome o = step.outcome();
        out.append(String.format(Locale.ROOT, "%n| CallDesk benchmark | %d agents, %.0f calls/s for %.0f s, %s, confirm %d ms, talk %d ms, "
                        + "transfer %d %%, outbound %d %% |%n| --- | --- |%n", options.agents(), step.rate(), step.seconds(),
                options.database().name(), options.confirmDelay().toMillis(), options.talkTime().toMillis(),
                options.transferPercent(), options.outboundPercent()));
        row(out, "calls placed by the PBX (skipped)", step.placed() + " (" + step.skipped() + ")");
        row(out, "inbound calls offered", Long.toString(o.offered()));
        row(out, "connected", Long.toString(o.connected()));
        row(out, "abandoned (caller hung up before Confirm)", Long.toString(o.abandoned()));
        row(out, "lost (must be 0)", o.lost() + (o.neverSeen() > 0 ? " (" + o.neverSeen() + " never reported)" : ""));
        row(out, "double offers (must be 0)", Long.toString(step.doubleOffers()));
        row(out, "transfers (failed), outbound dials (answered)", step.transfers() + " (" + step.transfersFailed() + "), "
                + step.outboundDials() + " (" + step.outboundConnected() + ")");
        latency(out, "PBX arrival -> call.waiting visible", step.arrivalToWaiting());
        latency(out, "PBX arrival -> offer visible to the agent", step.arrivalToOffer());
        latency(out, "Confirm -> call.talking visible", step.confirmToTalking());
        latency(out, "Confirm -> ticket.created visible", step.confirmToTicket());
        row(out, "sustained: offered / connected per second (last offer after)", String.format(Locale.ROOT,
                "%.1f / %.1f (%.0f s)", step.offeredPerSecond(), step.connectedPerSecond(), step.offeringSeconds()));
        ProcessMonitor.Usage app = step.application();
        row(out, "application CPU (100 % = one core)", String.format(Locale.ROOT, "%.0f %%", app.cpuPercent()));
        row(out, "application heap used max / mean / old gen max / committed max", String.format(Locale.ROOT,
                "%.0f / %.0f / %.0f / %.0f MiB (-Xmx%s)", app.heapUsedMaxMb(), app.heapUsedMeanMb(),
                app.oldGenUsedMaxMb(), app.heapCommittedMaxMb(), options.maxHeap()));
        row(out, "application GC: young / full collections, seconds", String.format(Locale.ROOT, "%d / %d, %.1f s",
                app.youngGcs(), app.fullGcs(), app.gcSeconds()));
        CpuPerCall perCall = CpuPerCall.of(step);
        row(out, "application CPU per inbound call offered; calls/s per application core", String.format(Locale.ROOT,
                "%.2f ms (%.1f CPU s / %d calls); %.0f calls/s", perCall.millisPerCall(), perCall.cpuSeconds(),
                perCall.calls(), perCall.callsPerSecondPerCore()));
        row(out, "benchmark process CPU (broker, PBX simulator, bots)", String.format(Locale.ROOT, "%.0f %%",
                step.benchProcess().cpuPercent()));
        if (ami != null) {
            row(out, "floor: asterisk-java alone receives", String.format(Locale.ROOT,
                    "%.0f events/s = %.0f inbound calls/s (%.1f events per call)", ami.eventsPerSecond(),
                    ami.callsPerSecond(), ami.eventsPerCall()));
            row(out, "  product offered calls/s : AMI floor calls/s", ratio(step.offeredPerSecond(), ami.callsPerSecond()));
        }
        if (db != null) {
            row(out, "floor: bare insert+commit on the database", String.format(Locale.ROOT,
                    "%.0f commits/s (p50 %.2f ms, p99 %.2f ms)", db.commitsPerSecond(), db.commitMillisP50(),
                    db.commitMillisP99()));
            row(out, "  product offered calls/s : floor commits/s", ratio(step.offeredPerSecond(), db.commitsPerSecond()));
            row(out, "  offer latency p50 : one commit p50", String.format(Locale.ROOT, "%.1f x",
                    step.arrivalToOffer().p50() / Math.max(1e-3, db.commitMillisP50())));
        }
        row(out, "requests sent again after 409 CONCURRENT_CHANGE", Long.toString(step.retries()));
        if (!step.refusals().isEmpty()) {
            row(out, "refused requests", step.refusals().toString());
        }
        row(out, "machine load average (1, 5, 15 min) at the end", step.loadAverage());
        return out.toString();
    }

    /** The fixed cost: the application's CPU with the agents Ready and no calls. */
    static String idleTable(IdleResult idle) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n| CallDesk idle | %d agents logged in and Ready, no calls, %.0f s |%n| --- | --- |%n",
                idle.agents(), idle.seconds()));
        row(out, "idle CPU % of a core (application)", String.format(Locale.ROOT, "%.1f %%", idle.cpuPercent()));
        row(out, "benchmark process CPU (broker, PBX simulator, bots)", String.format(Locale.ROOT, "%.1f %%",
                idle.benchCpuPercent()));
        row(out, "machine load average (1, 5, 15 min) at the end", idle.loadAverage());
        return out.toString();
    }

    /** Application CPU per call for every measured step and for the whole run. */
    static String cpuPerCallTable(List<StepResult> steps) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n| calls/s | application CPU | CPU s / calls "
                + "| CPU per call | calls/s per application core |%n| ---: | ---: | ---: | ---: | ---: |%n"));
        for (StepResult step : steps) {
            cpuRow(out, String.format(Locale.ROOT, "%.0f", step.rate()), String.format(Locale.ROOT, "%.0f %%",
                    step.application().cpuPercent()), CpuPerCall.of(step));
        }
        cpuRow(out, "run", "", run(steps));
        return out.toString();
    }

    static CpuPerCall run(List<StepResult> steps) {
        return CpuPerCall.sum(steps.stream().map(CpuPerCall::of).toList());
    }

    private static void cpuRow(StringBuilder out, String rate, String cpu, CpuPerCall perCall) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %.1f / %d | %.2f ms | %.0f |%n", rate, cpu,
                perCall.cpuSeconds(), perCall.calls(), perCall.millisPerCall(), perCall.callsPerSecondPerCore()));
    }

    private static String ratio(double product, double floor) {
        return floor <= 0 ? "n/a" : String.format(Locale.ROOT, "%.3f (%.1f %%)", product / floor, 100 * product / floor);
    }

    private static void latency(StringBuilder out, String what, Latencies.Summary s) {
        row(out, what + " p50 / p95 / p99 / max", s.count() == 0 ? "no samples" : String.format(Locale.ROOT,
                "%.1f / %.1f / %.1f / %.1f ms (n=%d)", s.p50(), s.p95(), s.p99(), s.max(), s.count()));
    }

    private static void row(StringBuilder out, String what, String value) {
        out.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    static JsonObject json(BenchOptions options, List<StepResult> steps, Floors.AmiFloor ami, Floors.DatabaseFloor db,
                           Double highestPassingRate, Profiler.Summary profile, IdleResult idle,
                           Profiler.Summary idleProfile, IdleResult idleAfter, Profiler.Summary idleAfterProfile) {
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("options", Json.createObjectBuilder()
                        .add("agents", options.agents())
                        .add("rate", options.rate())
                        .add("durationSeconds", options.duration().toSeconds())
                        .add("confirmDelayMs", options.confirmDelay().toMillis())
                        .add("talkMs", options.talkTime().toMillis())
                        .add("transferPercent", options.transferPercent())
                        .add("outboundPercent", options.outboundPercent())
                        .add("patienceMs", options.patience().toMillis())
                        .add("phoneAnswerMs", options.phoneAnswerMillis())
                        .add("database", options.database().name().toLowerCase(Locale.ROOT))
                        .add("maxHeap", options.maxHeap())
                        .add("ramp", options.ramp())
                        .add("p99LimitMs", options.p99LimitMillis())
                        .add("idleSeconds", options.idle().toSeconds())
                        .add("pin", options.pin()))
                .add("machine", Json.createObjectBuilder()
                        .add("cores", Runtime.getRuntime().availableProcessors())
                        .add("java", System.getProperty("java.version")));
        JsonArrayBuilder array = Json.createArrayBuilder();
        steps.forEach(step -> array.add(json(step, ami, db)));
        root.add("steps", array);
        if (!steps.isEmpty()) {
            root.add("run", Json.createObjectBuilder().add("cpuPerCall", json(run(steps))));
        }
        if (idle != null) {
            root.add("idle", json(idle, idleProfile));
        }
        if (idleAfter != null) {
            root.add("idleAfterLoad", json(idleAfter, idleAfterProfile));
        }
        if (ami != null) {
            root.add("amiFloor", Json.createObjectBuilder().add("eventsPerSecond", ami.eventsPerSecond())
                    .add("callsPerSecond", ami.callsPerSecond()).add("eventsPerCall", ami.eventsPerCall())
                    .add("offeredCallsPerSecond", ami.offeredCallsPerSecond()));
        }
        if (db != null) {
            root.add("databaseFloor", Json.createObjectBuilder().add("commitsPerSecond", db.commitsPerSecond())
                    .add("commitMsP50", db.commitMillisP50()).add("commitMsP99", db.commitMillisP99()));
        }
        if (highestPassingRate != null) {
            root.add("highestPassingRate", highestPassingRate);
        }
        if (profile != null) {
            JsonObjectBuilder p = Json.createObjectBuilder().add("samples", profile.samples());
            p.add("self", hot(profile.self()));
            p.add("total", hot(profile.total()));
            root.add("profile", p);
        }
        return root.build();
    }

    static JsonObjectBuilder json(IdleResult idle, Profiler.Summary profile) {
        JsonObjectBuilder i = Json.createObjectBuilder().add("agents", idle.agents()).add("seconds", idle.seconds())
                .add("idleCpuPercentOfACore", idle.cpuPercent()).add("benchProcessCpuPercent", idle.benchCpuPercent())
                .add("loadAverage", idle.loadAverage());
        if (profile != null) {
            i.add("profile", Json.createObjectBuilder().add("samples", profile.samples())
                    .add("self", hot(profile.self())).add("total", hot(profile.total())));
        }
        return i;
    }

    private static JsonArrayBuilder hot(List<Profiler.Hot> methods) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        methods.forEach(h -> array.add(Json.createObjectBuilder().add("method", h.method()).add("samples", h.samples())
                .add("percent", h.percent())));
        return array;
    }

    private static JsonObject json(StepResult step, Floors.AmiFloor ami, Floors.DatabaseFloor db) {
        LoadRun.Outcome o = step.outcome();
        ProcessMonitor.Usage app = step.application();
        JsonObjectBuilder refusals = Json.createObjectBuilder();
        step.refusals().forEach(refusals::add);
        JsonObjectBuilder ratios = Json.createObjectBuilder();
        if (ami != null && ami.callsPerSecond() > 0) {
            ratios.add("offeredPerSecondToAmiFloorCalls", step.offeredPerSecond() / ami.callsPerSecond());
        }
        if (db != null && db.commitsPerSecond() > 0) {
            ratios.add("offeredPerSecondToDatabaseCommits", step.offeredPerSecond() / db.commitsPerSecond());
            ratios.add("offerP50ToCommitP50", step.arrivalToOffer().p50() / Math.max(1e-3, db.commitMillisP50()));
        }
        return Json.createObjectBuilder()
                .add("rate", step.rate())
                .add("seconds", step.seconds())
                .add("offeringSeconds", step.offeringSeconds())
                .add("placed", step.placed())
                .add("skipped", step.skipped())
                .add("arrived", o.arrived())
                .add("offered", o.offered())
                .add("connected", o.connected())
                .add("abandoned", o.abandoned())
                .add("otherEnded", o.otherEnd())
                .add("lost", o.lost())
                .add("neverReported", o.neverSeen())
                .add("doubleOffers", step.doubleOffers())
                .add("reoffers", step.reoffers())
                .add("eventsOutOfOrder", step.outOfOrder())
                .add("transfers", step.transfers())
                .add("transfersFailed", step.transfersFailed())
                .add("outboundDials", step.outboundDials())
                .add("outboundConnected", step.outboundConnected())
                .add("refusals", refusals)
                .add("retriesAfterConcurrentChange", step.retries())
                .add("offeredPerSecond", step.offeredPerSecond())
                .add("connectedPerSecond", step.connectedPerSecond())
                .add("latencyMs", Json.createObjectBuilder()
                        .add("arrivalToWaiting", json(step.arrivalToWaiting()))
                        .add("arrivalToOffer", json(step.arrivalToOffer()))
                        .add("confirmToTalking", json(step.confirmToTalking()))
                        .add("confirmToTicket", json(step.confirmToTicket())))
                .add("application", Json.createObjectBuilder()
                        .add("cpuPercent", app.cpuPercent())
                        .add("heapUsedMaxMb", app.heapUsedMaxMb())
                        .add("heapUsedMeanMb", app.heapUsedMeanMb())
                        .add("oldGenUsedMaxMb", app.oldGenUsedMaxMb())
                        .add("heapCommittedMaxMb", app.heapCommittedMaxMb())
                        .add("youngGcs", app.youngGcs())
                        .add("fullGcs", app.fullGcs())
                        .add("gcSeconds", app.gcSeconds()))
                .add("cpuPerCall", json(CpuPerCall.of(step)))
                .add("benchProcessCpuPercent", step.benchProcess().cpuPercent())
                .add("ratios", ratios)
                .add("loadAverage", step.loadAverage())
                .build();
    }

    /** NaN (no calls) is left out: JSON has no number for it. */
    static JsonObject json(CpuPerCall perCall) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("cpuSeconds", perCall.cpuSeconds()).add("calls", perCall.calls());
        if (!Double.isNaN(perCall.millisPerCall())) {
            b.add("cpuMsPerCall", perCall.millisPerCall());
        }
        if (!Double.isNaN(perCall.callsPerSecondPerCore())) {
            b.add("callsPerSecondPerApplicationCore", perCall.callsPerSecondPerCore());
        }
        return b.build();
    }

    private static JsonObject json(Latencies.Summary s) {
        return Json.createObjectBuilder().add("count", s.count()).add("p50", s.p50()).add("p95", s.p95())
                .add("p99", s.p99()).add("max", s.max()).add("mean", s.mean()).build();
    }

    static void write(JsonObject json, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file);
             JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(json);
        }
    }
}
