package org.calldesk.connector.ami.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import org.calldesk.connector.ami.AmiSettings;
import org.calldesk.connector.ami.PbxResourceAdapter;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;

/**
 * Creates the pooled AMI sessions behind {@link PbxConnectionFactory}. The PBX's address and the
 * dialplan come from the {@link PbxResourceAdapter} it is associated with, so an operator sets
 * them in one place; a connection definition may still log in as another {@code manager.conf}
 * user (one with write permissions only, say) or wait longer for answers.
 *
 * <p>It must be associated with a started adapter: its sessions use the adapter's
 * {@link CallRegistry} to find a call's channels. Equality is by configuration, as the
 * connector spec asks; {@link #matchManagedConnections} hands out a pooled session only if it was
 * opened with exactly the settings this factory would use now and is still logged in, else
 * {@code null} so the pool opens a new one.
 */
@ConnectionDefinition(
        connectionFactory = PbxConnectionFactory.class,
        connectionFactoryImpl = PbxConnectionFactoryImpl.class,
        connection = PbxConnection.class,
        connectionImpl = PbxConnectionImpl.class)
public class PbxManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        ValidatingManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(defaultValue = "",
            description = "manager.conf user for call-control sessions; empty: the adapter's amiUsername")
    private String amiUsername = "";

    @ConfigProperty(defaultValue = "", confidential = true,
            description = "Secret of that user; empty: the adapter's amiSecret. Never logged")
    private String amiSecret = "";

    @ConfigProperty(defaultValue = "0",
            description = "Milliseconds to wait for the PBX's answer to a call control; 0: the adapter's actionTimeoutMillis")
    private Integer actionTimeoutMillis = 0;

    private transient volatile PbxResourceAdapter resourceAdapter;
    private transient volatile PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) throws ResourceException {
        return new PbxConnectionFactoryImpl(this, connectionManager);
    }

    /** Outside a container: every connection is a fresh session, logged off when the handle closes. */
    @Override
    public Object createConnectionFactory() throws ResourceException {
        return new PbxConnectionFactoryImpl(this, new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        PbxResourceAdapter adapter = requireAdapter();
        CallRegistry registry = adapter.registry().orElseThrow(() -> new ResourceAdapterInternalException(
                "The PBX resource adapter is not started"));
        return PbxManagedConnection.open(this, effectiveSettings(), registry, adapter::runInBackground);
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject,
                                                     ConnectionRequestInfo info) throws ResourceException {
        AmiSettings wanted = effectiveSettings();
        for (Object candidate : candidates) {
            if (candidate instanceof PbxManagedConnection connection && equals(connection.factory())
                    && wanted.equals(connection.settings()) && connection.usable()) {
                return connection;
            }
        }
        return null;
    }

    /** Sessions whose AMI link has gone: the pool should drop them. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set candidates) {
        Set invalid = new HashSet<>();
        for (Object candidate : candidates) {
            if (candidate instanceof PbxManagedConnection connection && !connection.usable()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    /** The adapter's settings with this connection definition's own user and timeout, if set. */
    AmiSettings effectiveSettings() throws ResourceException {
        AmiSettings settings = requireAdapter().settings();
        if (amiUsername != null && !amiUsername.isBlank()) {
            settings = settings.withCredentials(amiUsername.trim(), amiSecret == null ? "" : amiSecret);
        }
        if (actionTimeoutMillis != null && actionTimeoutMillis > 0) {
            settings = settings.withActionTimeout(Duration.ofMillis(actionTimeoutMillis));
        }
        return settings;
    }

    /** Whether the adapter's event session is logged in; down when this factory has no adapter. */
    PbxEventLink eventLink() {
        PbxResourceAdapter adapter = resourceAdapter;
        return adapter == null ? new PbxEventLink(false, "this connection factory is not associated with the PBX"
                + " resource adapter", 0) : adapter.eventLink();
    }

    private PbxResourceAdapter requireAdapter() throws ResourceException {
        PbxResourceAdapter adapter = resourceAdapter;
        if (adapter == null) {
            throw new ResourceAdapterInternalException("This connection factory is not associated with the PBX resource adapter");
        }
        return adapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        if (!(adapter instanceof PbxResourceAdapter pbxAdapter)) {
            throw new ResourceAdapterInternalException("Expected the PBX resource adapter, got " + adapter);
        }
        this.resourceAdapter = pbxAdapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    public String getAmiUsername() {
        return amiUsername;
    }

    public void setAmiUsername(String amiUsername) {
        this.amiUsername = amiUsername;
    }

    public String getAmiSecret() {
        return amiSecret;
    }

    public void setAmiSecret(String amiSecret) {
        this.amiSecret = amiSecret;
    }

    public Integer getActionTimeoutMillis() {
        return actionTimeoutMillis;
    }

    public void setActionTimeoutMillis(Integer actionTimeoutMillis) {
        this.actionTimeoutMillis = actionTimeoutMillis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PbxManagedConnectionFactory that
                && Objects.equals(normalised(amiUsername), normalised(that.amiUsername))
                && Objects.equals(normalised(amiSecret), normalised(that.amiSecret))
                && Objects.equals(timeout(), that.timeout());
    }

    @Override
    public int hashCode() {
        return Objects.hash(normalised(amiUsername), timeout());
    }

    private static String normalised(String value) {
        return value == null ? "" : value.trim();
    }

    private int timeout() {
        return actionTimeoutMillis == null || actionTimeoutMillis < 0 ? 0 : actionTimeoutMillis;
    }

    @Override
    public String toString() {
        return "PbxManagedConnectionFactory[amiUsername=" + normalised(amiUsername) + ", amiSecret="
                + (normalised(amiSecret).isEmpty() ? "" : AmiSettings.MASK) + ", actionTimeoutMillis=" + timeout() + "]";
    }

    /**
     * The connection manager of a non-managed environment (tests, tools): no pool, the session is
     * logged off as soon as the application closes its handle.
     */
    private static final class UnpooledConnectionManager implements ConnectionManager {

        private static final long serialVersionUID = 1L;

        @Override
        public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
                throws ResourceException {
            ManagedConnection connection = factory.createManagedConnection(null, info);
            connection.addConnectionEventListener(new ConnectionEventListener() {
                @Override
                public void connectionClosed(ConnectionEvent event) {
                    destroy(connection);
                }

                @Override
                public void connectionErrorOccurred(ConnectionEvent event) {
                    destroy(connection);
                }

                @Override
                public void localTransactionStarted(ConnectionEvent event) {
                    // PBX sessions have no transactions
                }

                @Override
                public void localTransactionCommitted(ConnectionEvent event) {
                    // PBX sessions have no transactions
                }

                @Override
                public void localTransactionRolledback(ConnectionEvent event) {
                    // PBX sessions have no transactions
                }
            });
            return connection.getConnection(null, info);
        }

        private static void destroy(ManagedConnection connection) {
            try {
                connection.destroy();
            } catch (ResourceException e) {
                Logger.getLogger(PbxManagedConnectionFactory.class.getName())
                        .log(Level.FINE, "Could not destroy an unpooled PBX session", e);
            }
        }
    }
}
