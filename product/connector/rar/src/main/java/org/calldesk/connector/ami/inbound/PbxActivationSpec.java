package org.calldesk.connector.ami.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import org.calldesk.connector.api.CallEventListener;

/**
 * How a message-driven bean subscribes to the PBX's call events: it implements
 * {@link CallEventListener} and is bound to this adapter (on Payara with the activation property
 * {@code resourceAdapter}). There is nothing to configure: every active endpoint receives every
 * event. Identity equality on purpose: the adapter keys active endpoints by the spec instance the
 * container activated.
 */
@Activation(messageListeners = CallEventListener.class)
public class PbxActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // nothing to validate: the spec has no properties
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public String toString() {
        return "PbxActivationSpec";
    }
}
