package org.calldesk.connector.ami.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.util.Objects;
import javax.naming.Reference;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;

/**
 * What the application looks up ({@code java:app/eis/PbxConnectionFactory}): asks the container's
 * connection manager for a pooled session and returns its handle. Serializable and Referenceable
 * so it can be bound in JNDI; the container sets the reference.
 */
public class PbxConnectionFactoryImpl implements PbxConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final PbxManagedConnectionFactory managedFactory;
    private final ConnectionManager connectionManager;
    private Reference reference;

    PbxConnectionFactoryImpl(PbxManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = Objects.requireNonNull(managedFactory, "managedFactory is required");
        this.connectionManager = Objects.requireNonNull(connectionManager, "connectionManager is required");
    }

    @Override
    public PbxConnection getConnection() throws PbxException {
        try {
            return (PbxConnection) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new PbxException.PbxUnreachable("no session with the PBX could be had: " + e.getMessage(), e);
        }
    }

    @Override
    public PbxEventLink eventLink() {
        return managedFactory.eventLink();
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
