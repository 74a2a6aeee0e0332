package org.calldesk.connector.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Whether the PBX's events reach the application: the adapter's event session is logged in.
 * Pooled sessions for call control may be logged in while it is not; then calls still change on
 * the PBX, but the application does not learn of them.
 *
 * @param up      whether the event session is logged in now
 * @param detail  in plain words: where it is logged in, or why it is not
 * @param waiting events received that wait for the application to take them
 */
public record PbxEventLink(boolean up, String detail, int waiting) implements Serializable {
    public PbxEventLink {
        Objects.requireNonNull(detail, "detail is required");
    }
}
