package org.calldesk.bench;

import java.util.Map;

/** The measured result of one period of load at one arrival rate. */
record StepResult(
        double rate,
        double seconds,
        double offeringSeconds,
        long placed,
        long skipped,
        LoadRun.Outcome outcome,
        long doubleOffers,
        long reoffers,
        long outOfOrder,
        long transfers,
        long transfersFailed,
        long outboundDials,
        long outboundConnected,
        Map<String, Long> refusals,
        long retries,
        Latencies.Summary arrivalToWaiting,
        Latencies.Summary arrivalToOffer,
        Latencies.Summary confirmToTalking,
        Latencies.Summary confirmToTicket,
        ProcessMonitor.Usage application,
        ProcessMonitor.Usage benchProcess,
        String loadAverage) {

    static StepResult of(double rate, double seconds, long placed, long skipped, LoadRun run, long retries,
                         ProcessMonitor.Usage application, ProcessMonitor.Usage bench, String loadAverage) {
        Map<String, Long> refusals = new java.util.TreeMap<>();
        run.refusalCodes.forEach((code, count) -> refusals.put(code, count.get()));
        return new StepResult(rate, seconds, run.offeringSeconds(seconds), placed, skipped, run.outcome(),
                run.doubleOffers.get() + run.busyAgentOffers.get(), run.reoffers.get(), run.outOfOrder.get(),
                run.transfers.get(), run.transfersFailed.get(), run.outboundDials.get(), run.outboundConnected.get(),
                refusals, retries, run.arrivalToWaiting.summary(), run.arrivalToOffer.summary(), run.confirmToTalking.summary(),
                run.confirmToTicket.summary(), application, bench, loadAverage);
    }

    /**
     * Inbound calls offered per second, from the start of the load to the last offer: the rate
     * the product sustained (below the arrival rate when offers went on after the load ended).
     */
    double offeredPerSecond() {
        return outcome.offered() / offeringSeconds;
    }

    double connectedPerSecond() {
        return outcome.connected() / offeringSeconds;
    }

    /** Whether this rate passes: p99 offer latency within the limit, nothing lost, no double offer, all placed. */
    boolean passes(double p99LimitMillis) {
        return outcome.lost() == 0 && doubleOffers == 0 && skipped == 0 && arrivalToOffer.count() > 0
                && arrivalToOffer.p99() < p99LimitMillis && outcome.offered() + outcome.abandoned() >= outcome.arrived();
    }
}
