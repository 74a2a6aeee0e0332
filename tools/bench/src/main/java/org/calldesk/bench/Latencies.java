package org.calldesk.bench;

import java.util.Arrays;

/**
 * The samples of one latency (microseconds), kept whole so percentiles are exact: a benchmark run
 * of five minutes at 100 calls per second is 30 000 samples per latency, a few hundred kilobytes.
 * Safe to record into from several threads.
 */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void record(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + micros);
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    public void recordNanos(long nanos) {
        record(Math.max(0, nanos) / 1_000);
    }

    public synchronized int count() {
        return count;
    }

    /** Percentiles by nearest rank (the smallest sample with at least p % of samples at or below it). */
    public synchronized Summary summary() {
        if (count == 0) {
            return Summary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        long sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return new Summary(count, millis(nearestRank(sorted, 50)), millis(nearestRank(sorted, 95)),
                millis(nearestRank(sorted, 99)), millis(sorted[count - 1]), millis(sum / (double) count));
    }

    static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double millis(double micros) {
        return micros / 1000.0;
    }

    /** Milliseconds; all zero (and {@code count} 0) when nothing was measured. */
    public record Summary(int count, double p50, double p95, double p99, double max, double mean) {
        public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0);
    }
}
