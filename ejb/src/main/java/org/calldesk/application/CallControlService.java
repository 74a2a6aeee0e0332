package org.calldesk.application;

import org.calldesk.domain.model.call.Call;

/**
 * What an agent does with a call on the CTI screen: Confirm or Cancel an inbound alert, Dial
 * up, and while talking Hold/Retrieve, Transfer (try, connect, cancel), Disconnect and Hang up.
 * Each acts on the PBX and on the call, agent and ticket together; the caller must be the
 * call's agent or an admin.
 */
public interface CallControlService {

    record DialRequest(String agentId, String serviceId, String customerNumber, String sendingNumber) {
    }

    /** Confirm: the caller is connected, the agent is Talking and the call's ticket is created, once. */
    Call confirm(Actor actor, String callId);

    /** Cancel: the call goes back to routing and the agent to Rest. */
    Call cancel(Actor actor, String callId);

    Call dial(Actor actor, DialRequest request);

    Call hold(Actor actor, String callId);

    Call retrieve(Actor actor, String callId);

    /** @param target the target agent's login id or agent number */
    Call transferTry(Actor actor, String callId, String target);

    Call transferConnect(Actor actor, String callId);

    Call transferCancel(Actor actor, String callId);

    Call disconnect(Actor actor, String callId);

    Call hangUp(Actor actor, String callId);
}
