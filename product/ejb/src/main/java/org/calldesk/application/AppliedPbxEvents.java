package org.calldesk.application;

import java.time.Instant;

/**
 * Which PBX events were applied, by the id every application node gives the same report of the
 * PBX: so that an event is applied once however many nodes queued a copy of it.
 */
public interface AppliedPbxEvents {

    /** Whether the event with this id was applied already (committed). */
    boolean applied(String eventId);

    /**
     * Records the event as applied, in the caller's transaction. A copy being applied at the same
     * time in another transaction makes one of the two fail on the key, and roll back.
     */
    void record(String eventId, Instant at);

    /** Forgets the ids applied before {@code before}; returns how many. */
    int forgetBefore(Instant before);
}
