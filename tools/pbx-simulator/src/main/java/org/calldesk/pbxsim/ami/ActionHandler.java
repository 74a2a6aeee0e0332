package org.calldesk.pbxsim.ami;

/**
 * What the AMI transport hands every parsed action to. The transport knows the wire format
 * and sessions; the handler knows what the actions mean.
 */
@FunctionalInterface
public interface ActionHandler {

    /**
     * Called on the session's reader thread for each complete action packet, in the order
     * the client sent them. Implementations answer with {@link AmiSession#send(String)} and
     * must not block for long.
     */
    void onAction(AmiSession session, AmiMessage action);
}
