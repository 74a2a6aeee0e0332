package org.calldesk.application;

import java.util.Objects;

/**
 * Who asks for a change: a signed-in account (whose login id is their CTI agent's id), an
 * integration (an external system with an API key, or a command on the command queue), or the
 * system itself reacting to the PBX. Agents act on their own status and calls, admins on
 * everything. An integration acts for any agent (click-to-dial) and on any ticket, but manages
 * nothing: no agents, services or sending numbers.
 */
public record Actor(String loginId, boolean admin, boolean integration) {

    public static final Actor SYSTEM = new Actor("system", true);

    public Actor {
        Objects.requireNonNull(loginId, "loginId is required");
    }

    /** A signed-in account: an agent, or an admin. */
    public Actor(String loginId, boolean admin) {
        this(loginId, admin, false);
    }

    /** An external system, known by its principal name. */
    public static Actor integration(String principal) {
        return new Actor(principal, false, true);
    }

    public boolean mayActFor(String agentId) {
        return admin || integration || loginId.equals(agentId);
    }

    /** Whether this actor may change tickets assigned to others. */
    public boolean mayChangeAnyTicket() {
        return admin || integration;
    }

    /** @throws RequestRefused FORBIDDEN unless this actor may act for the agent */
    public void requireMayActFor(String agentId, String what) {
        if (!mayActFor(agentId)) {
            throw new RequestRefused(RequestRefused.Kind.FORBIDDEN, RefusalCode.NOT_YOURS,
                    loginId + " may not " + what + " of agent " + agentId);
        }
    }

    public void requireAdmin(String what) {
        if (!admin) {
            throw new RequestRefused(RequestRefused.Kind.FORBIDDEN, RefusalCode.ADMIN_ONLY, "only an admin may " + what);
        }
    }
}
