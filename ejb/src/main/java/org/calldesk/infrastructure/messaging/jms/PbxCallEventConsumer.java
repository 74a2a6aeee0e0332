package org.calldesk.infrastructure.messaging.jms;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallEventListener;

/**
 * Receives the PBX's events from the resource adapter and puts each on the durable PBX events
 * queue, one message group per call, before the adapter is told it was taken. From there on
 * nothing the PBX said is lost if the application is busy or restarts.
 *
 * <p>Which adapter drives it is said by each server's descriptor, not here.
 */
@MessageDriven(messageListenerInterface = CallEventListener.class)
public class PbxCallEventConsumer implements CallEventListener {

    @Inject
    JmsSender sender;

    @Override
    public void onCallEvent(CallEvent event) {
        sender.toPbxEventQueue(CallEventJson.write(event), CallEventJson.group(event));
    }
}
