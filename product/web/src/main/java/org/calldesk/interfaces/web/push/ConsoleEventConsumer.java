package org.calldesk.interfaces.web.push;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each application node's subscriber to the events topic (non-durable: a console only cares
 * about what happens while it is open), which hands every event to {@link ConsolePush} for the
 * consoles connected to this node. With several nodes, each one forwards to its own sessions.
 *
 * <p>No transaction: a push that fails cannot be taken back and is not worth redelivering (the
 * console reads the whole state again when its connection comes back). Which topic it listens
 * to is said by each packaging's descriptor (WEB-INF/ejb-jar.xml).
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsoleEventConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ConsoleEventConsumer.class.getName());

    @Inject
    ConsolePush push;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = message.getBody(String.class);
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "skipping an unreadable message of the events topic: {0}", e.getMessage());
            return;
        }
        try {
            push.forward(body);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "skipping a message of the events topic that is no event: {0}", e.getMessage());
        }
    }
}
