package org.calldesk.application;

import org.calldesk.application.pbx.PbxReport;

/**
 * Which PBX events the contact center follows at all. Kept out of {@link CallEventService}: a
 * static method on an EJB's local business interface is not portable (Payara warns at deploy).
 */
public final class FollowedEvents {

    private FollowedEvents() {
    }

    /**
     * Whether the contact center follows events of this kind at all: the others (the phones'
     * device states, which a call's own events already tell) are not worth queueing, as
     * applying them changes nothing. Under load they were four in ten of the PBX's events.
     */
    public static boolean follows(PbxReport report) {
        return !(report instanceof PbxReport.DeviceStateChanged);
    }
}
