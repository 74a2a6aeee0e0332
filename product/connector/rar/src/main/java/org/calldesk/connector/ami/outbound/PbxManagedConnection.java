package org.calldesk.connector.ami.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.CommException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.SecurityException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.calldesk.connector.ami.AmiClient;
import org.calldesk.connector.ami.AmiLoginException;
import org.calldesk.connector.ami.AmiSettings;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.api.PbxException;

/**
 * One pooled AMI session for call control: what the container pools and hands out as
 * {@link PbxConnectionImpl} handles. It logs in with events switched off, since the adapter's
 * event session already reads them all.
 *
 * <p>Lifecycle duties towards the pool: a handle's {@code close()} fires
 * {@link ConnectionEvent#CONNECTION_CLOSED} so the session goes back to the pool; the AMI link
 * dropping fires {@link ConnectionEvent#CONNECTION_ERROR_OCCURRED} so the pool discards it;
 * {@link #cleanup()} invalidates outstanding handles; {@link #destroy()} logs off, which also
 * ends asterisk-java's threads for the session.
 *
 * <p>The drop is reported from the adapter's background executor, not from asterisk-java's
 * event thread: the pool usually destroys the connection inside the listener call, and logging
 * off on that thread could deadlock with asterisk-java's own reconnect attempt.
 */
final class PbxManagedConnection implements ManagedConnection {

    private static final Logger LOG = Logger.getLogger(PbxManagedConnection.class.getName());

    private final PbxManagedConnectionFactory factory;
    private final AmiSettings settings;
    private final ManagerConnection session;
    private final AmiCallControl callControl;
    private final ChannelSurvey survey;
    private final Executor background;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<PbxConnectionImpl> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private volatile PrintWriter logWriter;

    /**
     * @param session a session created with a listener that calls {@link #sessionDied()} on
     *                {@code DisconnectEvent} (see {@link #open})
     */
    PbxManagedConnection(PbxManagedConnectionFactory factory, AmiSettings settings, ManagerConnection session,
                         CallRegistry registry, Executor background) {
        this.factory = Objects.requireNonNull(factory, "factory is required");
        this.settings = Objects.requireNonNull(settings, "settings is required");
        this.session = Objects.requireNonNull(session, "session is required");
        this.background = Objects.requireNonNull(background, "background is required");
        this.callControl = new AmiCallControl(session, Objects.requireNonNull(registry, "registry is required"), settings);
        this.survey = new ChannelSurvey(session, settings);
    }

    /**
     * Opens an AMI session (events off) and wraps it.
     *
     * @throws ResourceException if the PBX cannot be reached or refuses the login; the message says what to check
     */
    static PbxManagedConnection open(PbxManagedConnectionFactory factory, AmiSettings settings, CallRegistry registry,
                                     Executor background) throws ResourceException {
        AtomicReference<PbxManagedConnection> created = new AtomicReference<>();
        ManagerConnection session = AmiClient.create(settings, event -> {
            PbxManagedConnection connection = created.get();
            if (event instanceof DisconnectEvent && connection != null) {
                connection.sessionDied();
            }
        });
        PbxManagedConnection connection = new PbxManagedConnection(factory, settings, session, registry, background);
        created.set(connection);
        try {
            AmiClient.login(session, settings, false);
        } catch (AmiLoginException e) {
            throw e.kind() == AmiLoginException.Kind.CREDENTIALS_REFUSED
                    ? new SecurityException(e.getMessage(), e) : new CommException(e.getMessage(), e);
        }
        return connection;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (destroyed) {
            throw new IllegalStateException("This PBX session is destroyed");
        }
        PbxConnectionImpl handle = new PbxConnectionImpl(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof PbxConnectionImpl handle)) {
            throw new IllegalStateException("Not a PBX connection handle: " + connection);
        }
        if (destroyed) {
            throw new IllegalStateException("This PBX session is destroyed");
        }
        handle.rebind(this);
        handles.add(handle);
    }

    @Override
    public void cleanup() {
        for (PbxConnectionImpl handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        destroyed = true;
        cleanup();
        listeners.clear();
        AmiClient.quietlyLogoff(session);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is required"));
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("PBX call control is not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("PBX call control is not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new PbxManagedConnectionMetaData(session.getVersion() == null ? "unknown" : session.getVersion().toString(),
                settings.username());
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** The call controls of this session, or {@code PbxUnreachable} if its AMI link is gone. */
    AmiCallControl callControl() throws PbxException {
        if (broken || destroyed || session.getState() != ManagerConnectionState.CONNECTED) {
            throw new PbxException.PbxUnreachable("the AMI session with the PBX at " + settings.address()
                    + " is closed; get a new connection", null);
        }
        return callControl;
    }

    /** The channel listing over this session, or {@code PbxUnreachable} if its AMI link is gone. */
    ChannelSurvey survey() throws PbxException {
        callControl();
        return survey;
    }

    /** A handle was closed by the application: the session may go back to the pool. */
    void handleClosed(PbxConnectionImpl handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    /** A handle moved to another managed connection. */
    void handleMoved(PbxConnectionImpl handle) {
        handles.remove(handle);
    }

    /** Whether the pool may hand this session out again. */
    boolean usable() {
        return !broken && !destroyed && session.getState() == ManagerConnectionState.CONNECTED;
    }

    AmiSettings settings() {
        return settings;
    }

    PbxManagedConnectionFactory factory() {
        return factory;
    }

    /** The AMI link dropped: tell the pool (off asterisk-java's thread) and stop asterisk-java's reconnect loop. */
    void sessionDied() {
        if (broken || destroyed) {
            return;
        }
        broken = true;
        LOG.info("A pooled AMI session with the PBX at " + settings.address() + " was closed; the pool will replace it");
        background.execute(() -> {
            ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED,
                    new CommException("the AMI session with the PBX at " + settings.address() + " was closed"));
            for (ConnectionEventListener listener : listeners) {
                try {
                    listener.connectionErrorOccurred(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Connection event listener failed", e);
                }
            }
            // ends asterisk-java's reconnect loop for this session, whether or not the pool destroys it now
            AmiClient.quietlyLogoff(session);
        });
    }
}
