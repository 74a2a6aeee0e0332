package org.calldesk.application;

import org.calldesk.application.view.CallView;

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
    CallView confirm(Actor actor, String callId);

    /** Cancel: the call goes back to routing and the agent to Rest. */
    CallView cancel(Actor actor, String callId);

    CallView dial(Actor actor, DialRequest request);

    CallView hold(Actor actor, String callId);

    CallView retrieve(Actor actor, String callId);

    /** @param target the target agent's login id or agent number */
    CallView transferTry(Actor actor, String callId, String target);

    CallView transferConnect(Actor actor, String callId);

    CallView transferCancel(Actor actor, String callId);

    CallView disconnect(Actor actor, String callId);

    CallView hangUp(Actor actor, String callId);
}
