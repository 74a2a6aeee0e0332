package org.calldesk.bench;

import java.util.List;

/**
 * The application's CPU set against the calls it handled: CPU seconds per inbound call offered,
 * and the calls per second one core of the application's CPU carries. Both come from counts (CPU
 * time of the process, calls), so they hold on a loaded machine where latencies do not.
 *
 * @param cpuSeconds the application's CPU time (user + system) over the period
 * @param calls inbound calls offered over the period
 */
record CpuPerCall(double cpuSeconds, long calls) {

    /** One period: CPU as a share of a core ({@code 100} = one core busy) over {@code seconds}. */
    static CpuPerCall of(double cpuPercent, double seconds, long calls) {
        return new CpuPerCall(cpuPercent / 100 * seconds, calls);
    }

    static CpuPerCall of(StepResult step) {
        return of(step.application().cpuPercent(), step.seconds(), step.outcome().offered());
    }

    /** The whole run: CPU seconds and calls of every step added up. */
    static CpuPerCall sum(List<CpuPerCall> periods) {
        return new CpuPerCall(periods.stream().mapToDouble(CpuPerCall::cpuSeconds).sum(),
                periods.stream().mapToLong(CpuPerCall::calls).sum());
    }

    /** Milliseconds of the application's CPU per call; NaN without calls. */
    double millisPerCall() {
        return calls == 0 ? Double.NaN : 1000 * cpuSeconds / calls;
    }

    /** Calls per second one fully busy core of the application would carry; NaN without CPU or calls. */
    double callsPerSecondPerCore() {
        return calls == 0 || cpuSeconds <= 0 ? Double.NaN : calls / cpuSeconds;
    }
}
