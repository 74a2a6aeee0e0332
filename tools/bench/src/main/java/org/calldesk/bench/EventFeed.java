package org.calldesk.bench;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * The events topic as an agent-facing client sees it: a subscription of its own on
 * {@code ContactCenterEventTopic} over the broker's core protocol, as the console's push and CRMs
 * have. Each event is handed on with the moment it became visible here.
 */
final class EventFeed implements AutoCloseable {

    /** One event of docs/events.md, with when this client received it. */
    record Event(String type, String subjectId, long sequence, JsonObject data, long receivedNanos) {
    }

    interface Listener {
        void onEvent(Event event);
    }

    static final String TOPIC = "ContactCenterEventTopic";

    /** Looked up once: {@code Json.createReader} looks the provider up on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession session;

    private EventFeed(ServerLocator locator, ClientSessionFactory factory, ClientSession session) {
        this.locator = locator;
        this.factory = factory;
        this.session = session;
    }

    /** Follows call events and ticket creations (the bots' and the report's concern). */
    static EventFeed subscribe(String brokerUrl, Listener listener) throws Exception {
        ServerLocator locator = ActiveMQClient.createServerLocator(brokerUrl);
        ClientSessionFactory factory = locator.createSessionFactory();
        ClientSession session = factory.createSession(true, true);
        String queue = "bench-" + UUID.randomUUID();
        session.createQueue(QueueConfiguration.of(queue).setAddress(TOPIC).setRoutingType(RoutingType.MULTICAST)
                .setDurable(false).setTemporary(true)
                .setFilterString("type = 'call' OR eventType = 'ticket.created'"));
        ClientConsumer consumer = session.createConsumer(queue);
        consumer.setMessageHandler(message -> {
            long received = System.nanoTime();
            try {
                String text = message.getBodyBuffer().readNullableSimpleString().toString();
                message.acknowledge();
                listener.onEvent(parse(text, received));
            } catch (Exception e) {
                System.err.println("bench: unreadable event: " + e);
            }
        });
        session.start();
        return new EventFeed(locator, factory, session);
    }

    static Event parse(String text, long receivedNanos) {
        JsonObject json = JSON.createReader(new StringReader(text)).readObject();
        return new Event(json.getString("type"), json.getJsonObject("subject").getString("id"),
                json.getJsonNumber("sequence").longValue(), json.getJsonObject("data"), receivedNanos);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (Exception e) {
            // closing anyway
        }
        factory.close();
        locator.close();
    }
}
