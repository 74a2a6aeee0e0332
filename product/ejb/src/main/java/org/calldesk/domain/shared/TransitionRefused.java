package org.calldesk.domain.shared;

import java.util.Objects;

/**
 * A change the domain's rules do not allow from where an aggregate stands, such as Hold while
 * an agent is Ready. It is raised before anything is changed, so refusing changes nothing, and
 * its message says why in words an agent can act on.
 */
public class TransitionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code a stable, machine-readable reason (for example {@code AGENT_NOT_READY}) that
     *             clients can branch on without parsing the message
     */
    public TransitionRefused(String code, String message) {
        super(Objects.requireNonNull(message, "message is required"));
        this.code = Objects.requireNonNull(code, "code is required");
    }

    public String code() {
        return code;
    }
}
