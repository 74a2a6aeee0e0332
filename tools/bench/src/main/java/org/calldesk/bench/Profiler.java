package org.calldesk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Flight Recorder on the application process while the load runs ({@code jcmd <pid> JFR.start}),
 * and a summary of where its threads were sampled: the methods on top of the stack (self time)
 * and the methods anywhere on it (total time).
 */
final class Profiler {

    /** A method and the share of execution samples it was in. */
    record Hot(String method, long samples, double percent) {
    }

    record Summary(long samples, List<Hot> self, List<Hot> total) {
    }

    private final long pid;
    private final Path file;

    private Profiler(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /**
     * Starts a recording with the JDK's {@code default} settings (execution samples every 20 ms):
     * the {@code profile} settings, which also record every lock wait and thread park over 10 ms
     * with its stack, slowed the loaded application itself several times over (30 calls/s: p50
     * offer latency 1.9 s with them, 17 ms without).
     */
    static Profiler start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=calldesk-bench", "settings=default", "filename=" + file);
        return new Profiler(pid, file);
    }

    Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=calldesk-bench");
        return file;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** The {@code top} hottest methods by self and by total samples. */
    static Summary summarize(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (seen.add(method)) {
                    total.merge(method, 1L, Long::sum);
                }
            }
        }
        return new Summary(samples, top(self, samples, top), top(total, samples, top));
    }

    private static List<Hot> top(Map<String, Long> counts, long samples, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(entry -> new Hot(entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / Math.max(1, samples)))
                .toList();
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
