package org.calldesk.application;

import org.calldesk.connector.api.CallEvent;

/** Brings the contact center's state in line with what the PBX reported. */
public interface CallEventService {

    /**
     * Apply one PBX event. Events may come twice or late; applying one that changes nothing is
     * harmless.
     */
    void handle(CallEvent event);

    /**
     * Apply one PBX event once. With an id (the same on every application node for this report
     * of the PBX), a copy already applied, or being applied by another node at the same moment,
     * is skipped; without one, as {@link #handle(CallEvent)}.
     */
    default void handle(CallEvent event, String eventId) {
        handle(event);
    }
}
