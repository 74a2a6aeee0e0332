package org.calldesk.connector.api;

import jakarta.resource.Referenceable;
import java.io.Serializable;

/**
 * Hands out pooled connections to the PBX. Applications obtain it from JNDI
 * ({@code java:app/eis/PbxConnectionFactory}) and close every connection they take, ideally with
 * try-with-resources.
 */
public interface PbxConnectionFactory extends Serializable, Referenceable {

    /**
     * @throws PbxException.PbxUnreachable if no session with the PBX can be had
     */
    PbxConnection getConnection() throws PbxException;

    /**
     * Whether the PBX's events reach the adapter now. Needs no pooled session: a pooled session
     * logged in says nothing about the event session.
     */
    PbxEventLink eventLink();
}
