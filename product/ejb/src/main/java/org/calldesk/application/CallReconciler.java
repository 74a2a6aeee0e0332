package org.calldesk.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Brings the application's calls in line with the PBX's channels when they drifted apart: after a
 * crash, an outage or a lost event, calls the PBX no longer has would keep agents Talking for
 * ever, legs the application placed would ring or wait on agents' phones, and callers would wait
 * with music that nobody routes.
 */
public interface CallReconciler {

    /** Compares the open calls with the PBX's channels once, and repairs what two looks in a row agree on. */
    void reconcile();

    /** What the reconciler did so far, for health. */
    Status status();

    /**
     * @param lastRun       when it last compared (successfully or not)
     * @param lastOutcome   how the last run went, in plain words
     * @param callsEnded    calls the PBX no longer had, ended (their agents to the finish prompt)
     * @param legsHungUp    agent legs the application placed that belonged to no open call of that agent, hung up
     * @param callersRecorded callers waiting on the PBX the application had never recorded, recorded and routed
     * @param callersRequeued connected calls whose caller was back in the queue on the PBX with no agent leg,
     *                        routed again (their agents to the finish prompt)
     */
    record Status(Optional<Instant> lastRun, String lastOutcome, long callsEnded, long legsHungUp,
                  long callersRecorded, long callersRequeued) {
    }
}
