package org.calldesk.application;

import org.calldesk.application.pbx.PbxReport;

/** Brings the contact center's state in line with what the PBX reported. */
public interface CallEventService {

    /**
     * Apply one PBX report. Events may come twice or late; applying one that changes nothing is
     * harmless.
     */
    void handle(PbxReport report);

    /**
     * Apply one PBX report once. With an id (the same on every application node for this report
     * of the PBX), a copy already applied, or being applied by another node at the same moment,
     * is skipped; without one, as {@link #handle(PbxReport)}.
     */
    default void handle(PbxReport report, String eventId) {
        handle(report);
    }

    /**
     * The PBX has the caller of a connected call (Talking or on hold) waiting in the queue's
     * context again with no agent leg, which no event said (found by the reconciler): the call
     * goes back to routing at its place (by arrival), its agent to the finish prompt.
     *
     * @return whether this changed the call (not when it is not connected, or unknown)
     */
    boolean callerBackInQueue(String pbxCallId);
}
