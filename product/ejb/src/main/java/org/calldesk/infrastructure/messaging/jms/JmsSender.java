package org.calldesk.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;
import java.util.Map;

/**
 * The one place that sends JMS messages. It uses the container's pooled, transaction-enlisted
 * connection factory, so a message sent within a transaction is delivered only if that
 * transaction commits. The contact center's events are not sent from business transactions but
 * through the outbox ({@code infrastructure.messaging.outbox}), which keeps those transactions
 * to the database alone.
 */
@ApplicationScoped
public class JmsSender {

    @Resource(lookup = JmsResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = JmsResources.PBX_EVENT_QUEUE)
    Queue pbxEventQueue;

    @Resource(lookup = JmsResources.EVENT_TOPIC)
    Topic eventTopic;

    /** Artemis's duplicate-detection property: a second message with an id the address has seen is dropped. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /**
     * @param eventId the id every node gives this PBX event, sent as {@value #DUPLICATE_ID} so the
     *                broker keeps one copy; {@code null}: none (each copy is queued)
     */
    public void toPbxEventQueue(String text, String group, String eventId) {
        send(pbxEventQueue, text, eventId == null ? Map.of("JMSXGroupID", group)
                : Map.of("JMSXGroupID", group, DUPLICATE_ID, eventId), null);
    }

    /** A message to send: its text and string properties. */
    public record Outgoing(String text, Map<String, String> properties) {
    }

    /** To the events topic, in this order, over one connection. */
    public void toEventTopic(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            for (Outgoing message : messages) {
                send(context, eventTopic, message.text(), message.properties(), null);
            }
        }
    }

    /** To a queue by its broker name (such as the command dead-letter queue). */
    public void toQueue(String queueName, String text, Map<String, String> properties) {
        toQueue(queueName, text, properties, null);
    }

    /** A reply, correlated to the request it answers by {@code JMSCorrelationID}. */
    public void reply(Destination replyTo, String text, String correlationId, Map<String, String> properties) {
        send(replyTo, text, properties, correlationId);
    }

    /** A reply to a request that named no JMSReplyTo: to the queue of that name. */
    public void reply(String queueName, String text, String correlationId, Map<String, String> properties) {
        toQueue(queueName, text, properties, correlationId);
    }

    private void toQueue(String queueName, String text, Map<String, String> properties, String correlationId) {
        try (JMSContext context = connectionFactory.createContext()) {
            send(context, context.createQueue(queueName), text, properties, correlationId);
        }
    }

    private void send(Destination destination, String text, Map<String, String> properties, String correlationId) {
        try (JMSContext context = connectionFactory.createContext()) {
            send(context, destination, text, properties, correlationId);
        }
    }

    private static void send(JMSContext context, Destination destination, String text, Map<String, String> properties,
                             String correlationId) {
        try {
            TextMessage message = context.createTextMessage(text);
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(destination, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
