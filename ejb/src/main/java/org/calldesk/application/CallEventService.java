package org.calldesk.application;

import org.calldesk.connector.api.CallEvent;

/** Brings the contact center's state in line with what the PBX reported. */
public interface CallEventService {

    /**
     * Apply one PBX event. Events may come twice or late; applying one that changes nothing is
     * harmless.
     */
    void handle(CallEvent event);
}
