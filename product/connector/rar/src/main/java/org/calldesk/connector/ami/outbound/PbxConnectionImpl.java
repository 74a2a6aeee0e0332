package org.calldesk.connector.ami.outbound;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxException;

/**
 * The application's handle on a pooled AMI session. It holds no state of its own but the session
 * it is bound to, so the container can move it between sessions
 * ({@link PbxManagedConnection#associateConnection}). Every method first checks the handle is
 * still valid: after {@link #close()}, or after the container cleaned up its session, it throws
 * {@link IllegalStateException} as the API promises.
 */
final class PbxConnectionImpl implements PbxConnection {

    private volatile PbxManagedConnection managed;
    private final AtomicBoolean closed = new AtomicBoolean();

    PbxConnectionImpl(PbxManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public CallId originate(DeviceId agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxException {
        return control().originate(agentDevice, customerNumber, sendingNumber, timeout);
    }

    @Override
    public void connect(CallId call, DeviceId agentDevice, Duration ringTimeout) throws PbxException {
        control().connect(call, agentDevice, ringTimeout);
    }

    @Override
    public void hold(CallId call) throws PbxException {
        control().hold(call);
    }

    @Override
    public void retrieve(CallId call) throws PbxException {
        control().retrieve(call);
    }

    @Override
    public void consult(CallId call, DeviceId target, Duration ringTimeout) throws PbxException {
        control().consult(call, target, ringTimeout);
    }

    @Override
    public void completeTransfer(CallId call) throws PbxException {
        control().completeTransfer(call);
    }

    @Override
    public void cancelConsult(CallId call) throws PbxException {
        control().cancelConsult(call);
    }

    @Override
    public void announceAndHangup(CallId call, String announcement) throws PbxException {
        control().announceAndHangup(call, announcement);
    }

    @Override
    public void hangup(CallId call) throws PbxException {
        control().hangup(call);
    }

    @Override
    public List<PbxChannel> channels() throws PbxException {
        return session().survey().channels();
    }

    @Override
    public void hangupChannel(String channelName) throws PbxException {
        session().survey().hangup(channelName);
    }

    @Override
    public DeviceState deviceState(DeviceId device) throws PbxException {
        return control().deviceState(device);
    }

    /** Gives the session back to the pool (fires CONNECTION_CLOSED). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            PbxManagedConnection current = managed;
            managed = null;
            if (current != null) {
                current.handleClosed(this);
            }
        }
    }

    /** Whether the handle may still be used. */
    boolean isValid() {
        return !closed.get() && managed != null;
    }

    /** The container cleaned up or destroyed the session: the handle is dead, without a CONNECTION_CLOSED. */
    void invalidate() {
        closed.set(true);
        managed = null;
    }

    /** The container moved this handle to another session. */
    void rebind(PbxManagedConnection target) {
        if (closed.get()) {
            throw new IllegalStateException("This PBX connection is closed");
        }
        PbxManagedConnection previous = managed;
        managed = target;
        if (previous != null && previous != target) {
            previous.handleMoved(this);
        }
    }

    private AmiCallControl control() throws PbxException {
        return session().callControl();
    }

    private PbxManagedConnection session() {
        PbxManagedConnection current = managed;
        if (closed.get() || current == null) {
            throw new IllegalStateException("This PBX connection is closed; get a new one from the PbxConnectionFactory");
        }
        return current;
    }
}
