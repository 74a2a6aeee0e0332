package org.calldesk.connector.api;

import java.time.Duration;
import java.util.List;

/**
 * Call control on the PBX, one application-level handle of a pooled session. Every operation
 * is asynchronous on the PBX's side: a normal return means the PBX accepted the request; what
 * then happens to the call is reported as {@link CallEvent}s.
 *
 * <p>A handle must not be used after {@link #close()}; it then throws
 * {@link IllegalStateException}.
 */
public interface PbxConnection extends AutoCloseable {

    /**
     * Dial up: ring the agent's device and, once the agent answers, call the customer presenting
     * {@code sendingNumber} as caller ID.
     *
     * @return the id under which the call's events will be reported
     */
    CallId originate(DeviceId agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxException;

    /** Connect a waiting caller (inbound) to an agent's device, ringing it at most {@code ringTimeout}. */
    void connect(CallId call, DeviceId agentDevice, Duration ringTimeout) throws PbxException;

    /** Put the customer on hold with music. */
    void hold(CallId call) throws PbxException;

    /** Bring a held customer back to the agent. */
    void retrieve(CallId call) throws PbxException;

    /** Transfer try: hold the customer and ring the target agent's device so the agents can talk. */
    void consult(CallId call, DeviceId target, Duration ringTimeout) throws PbxException;

    /** Transfer connect: hand the customer over to the consulted agent; the first agent leaves the call. */
    void completeTransfer(CallId call) throws PbxException;

    /** Abandon a transfer try: drop the consultation leg and bring the customer back to the first agent. */
    void cancelConsult(CallId call) throws PbxException;

    /** Disconnect: play {@code announcement} (a sound name on the PBX) to the customer, then hang up. */
    void announceAndHangup(CallId call, String announcement) throws PbxException;

    /** End the call for everyone on it. */
    void hangup(CallId call) throws PbxException;

    /** Every channel the PBX has now (its channel listing), for comparing with the application's calls. */
    List<PbxChannel> channels() throws PbxException;

    /** Hang up one channel by its name, as {@link #channels()} gave it; a channel already gone is no error. */
    void hangupChannel(String channelName) throws PbxException;

    /** The current state of an agent's phone. */
    DeviceState deviceState(DeviceId device) throws PbxException;

    /** Give the underlying session back to the pool. Idempotent. */
    @Override
    void close();
}
