package org.calldesk.application.pbx;

import java.util.Objects;

/**
 * Whether the PBX's events reach the application now. While they do not, or while some wait to
 * be delivered, the application's view of the calls lags the PBX's.
 *
 * @param up      whether the PBX's events reach us now
 * @param detail  in plain words: where the event session is logged in, or why it is not
 * @param waiting events received that wait for the application to take them
 */
public record EventLink(boolean up, String detail, int waiting) {
    public EventLink {
        Objects.requireNonNull(detail, "detail is required");
    }
}
