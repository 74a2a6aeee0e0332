package org.calldesk.application;

import java.util.Objects;

/**
 * Who asks for a change: a signed-in account (whose login id is their CTI agent's id), or the
 * system itself reacting to the PBX. Agents act on their own status and calls, admins on
 * everything.
 */
public record Actor(String loginId, boolean admin) {

    public static final Actor SYSTEM = new Actor("system", true);

    public Actor {
        Objects.requireNonNull(loginId, "loginId is required");
    }

    public boolean mayActFor(String agentId) {
        return admin || loginId.equals(agentId);
    }

    /** @throws RequestRefused FORBIDDEN unless this actor may act for the agent */
    public void requireMayActFor(String agentId, String what) {
        if (!mayActFor(agentId)) {
            throw new RequestRefused(RequestRefused.Kind.FORBIDDEN, "NOT_YOURS",
                    loginId + " may not " + what + " of agent " + agentId);
        }
    }

    public void requireAdmin(String what) {
        if (!admin) {
            throw new RequestRefused(RequestRefused.Kind.FORBIDDEN, "ADMIN_ONLY", "only an admin may " + what);
        }
    }
}
