package org.calldesk.infrastructure.messaging.jms;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.CallEventService;
import org.calldesk.connector.api.CallEvent;

/**
 * Applies the PBX events from the durable queue to the domain, each once by the id the PBX
 * adapter gave it (the broker's duplicate-detection id, see {@link JmsSender#toPbxEventQueue}).
 * A failure rolls the transaction back so the broker delivers the event again; only a message
 * that can never be read is dropped, with a log entry that shows it.
 *
 * <p>The queue it listens to is said by each packaging's descriptor.
 */
@MessageDriven
public class PbxEventQueueConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PbxEventQueueConsumer.class.getName());

    @Inject
    CallEventService callEvents;

    @Override
    public void onMessage(Message message) {
        CallEvent event;
        String eventId;
        try {
            event = CallEventJson.read(message.getBody(String.class));
            eventId = message.getStringProperty(JmsSender.DUPLICATE_ID);
        } catch (IllegalArgumentException | JMSException e) {
            LOG.log(Level.SEVERE, "dropping an unreadable message from the PBX events queue: {0}", e.getMessage());
            return;
        }
        callEvents.handle(event, eventId);
    }
}
