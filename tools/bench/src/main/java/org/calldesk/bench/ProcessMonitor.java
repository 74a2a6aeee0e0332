package org.calldesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * CPU and heap of a JVM process while the load runs: CPU time from {@code /proc/<pid>/stat},
 * heap from {@code jstat -gc <pid> 1000} (one sample a second, used and committed, all
 * generations).
 */
final class ProcessMonitor implements AutoCloseable {

    /**
     * @param cpuPercent CPU time over wall time (100 = one core busy)
     * @param heapUsedMaxMb the most heap in use at any sample
     * @param heapUsedAfterGcMaxMb the most old-generation in use (what survives collections)
     * @param heapCommittedMaxMb the most heap the JVM had reserved
     */
    record Usage(double cpuPercent, double heapUsedMaxMb, double heapUsedMeanMb, double oldGenUsedMaxMb,
                 double heapCommittedMaxMb, long youngGcs, long fullGcs, double gcSeconds) {
    }

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private final long pid;
    private final long startTicks;
    private final long startNanos;
    private final Process jstat;
    private final Thread reader;
    private double heapUsedMax;
    private double heapUsedSum;
    private long samples;
    private double oldGenMax;
    private double committedMax;
    private long firstYgc = -1;
    private long lastYgc;
    private long firstFgc = -1;
    private long lastFgc;
    private double firstGct = -1;
    private double lastGct;

    ProcessMonitor(long pid) throws IOException {
        this.pid = pid;
        this.startTicks = cpuTicks(pid);
        this.startNanos = System.nanoTime();
        this.jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                "-gc", Long.toString(pid), "1000").redirectErrorStream(true).start();
        this.reader = new Thread(this::readJstat, "bench-jstat");
        reader.setDaemon(true);
        reader.start();
    }

    private void readJstat() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (String line; (line = in.readLine()) != null; ) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 0 && columns[0].equals("S0C")) {
                    header = Arrays.asList(columns);
                } else if (header != null && columns.length == header.size()) {
                    sample(header, columns);
                }
            }
        } catch (IOException | RuntimeException e) {
            // jstat stopped: the samples so far stand
        }
    }

    private synchronized void sample(List<String> header, String[] columns) {
        double usedKb = value(header, columns, "S0U") + value(header, columns, "S1U") + value(header, columns, "EU")
                + value(header, columns, "OU");
        double committedKb = value(header, columns, "S0C") + value(header, columns, "S1C") + value(header, columns, "EC")
                + value(header, columns, "OC");
        heapUsedMax = Math.max(heapUsedMax, usedKb / 1024);
        heapUsedSum += usedKb / 1024;
        samples++;
        oldGenMax = Math.max(oldGenMax, value(header, columns, "OU") / 1024);
        committedMax = Math.max(committedMax, committedKb / 1024);
        long ygc = (long) value(header, columns, "YGC");
        long fgc = (long) value(header, columns, "FGC");
        double gct = value(header, columns, "GCT");
        if (firstYgc < 0) {
            firstYgc = ygc;
            firstFgc = fgc;
            firstGct = gct;
        }
        lastYgc = ygc;
        lastFgc = fgc;
        lastGct = gct;
    }

    private static double value(List<String> header, String[] columns, String name) {
        int index = header.indexOf(name);
        if (index < 0 || columns[index].equals("-")) {
            return 0;
        }
        return Double.parseDouble(columns[index]);
    }

    synchronized Usage usage() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = 0;
        try {
            cpu = (cpuTicks(pid) - startTicks) / (double) CLOCK_TICKS / seconds * 100;
        } catch (IOException e) {
            // the process is gone
        }
        return new Usage(cpu, heapUsedMax, samples == 0 ? 0 : heapUsedSum / samples, oldGenMax, committedMax,
                Math.max(0, lastYgc - firstYgc), Math.max(0, lastFgc - firstFgc), Math.max(0, lastGct - firstGct));
    }

    /** utime + stime of a process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
