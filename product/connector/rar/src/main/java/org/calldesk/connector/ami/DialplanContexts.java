package org.calldesk.connector.ami;

import java.io.Serializable;
import java.util.Objects;

/**
 * The names of the dialplan contexts the adapter sends channels to (see {@code docs/asterisk.md}).
 * They are settings because a PBX administrator may have to fit CallDesk's contexts beside
 * existing ones.
 *
 * @param inbound   where customers wait for an agent with music; its channels are the waiting calls
 * @param connect   bridges an answered phone with the channel named in {@code CALLDESK_PEER}
 * @param outbound  dial up: calls the customer number (the extension) once the agent answered
 * @param hold      music for a held customer
 * @param agentWait keeps the agent's line up, silent, while the customer is held
 * @param announce  plays {@code CALLDESK_ANNOUNCEMENT} to the customer, then hangs up
 */
public record DialplanContexts(String inbound, String connect, String outbound, String hold, String agentWait,
                        String announce) implements Serializable {

    public static final DialplanContexts DEFAULTS = new DialplanContexts(
            "calldesk-inbound", "calldesk-connect", "calldesk-outbound",
            "calldesk-hold", "calldesk-agent-wait", "calldesk-announce");

    public DialplanContexts {
        requireName(inbound, "inbound");
        requireName(connect, "connect");
        requireName(outbound, "outbound");
        requireName(hold, "hold");
        requireName(agentWait, "agentWait");
        requireName(announce, "announce");
    }

    private static void requireName(String context, String role) {
        Objects.requireNonNull(context, role + " context is required");
        if (context.isBlank() || !context.chars().allMatch(DialplanContexts::isContextChar)) {
            throw new IllegalArgumentException("the " + role + " context name '" + context
                    + "' is not a valid dialplan context name");
        }
    }

    private static boolean isContextChar(int c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
