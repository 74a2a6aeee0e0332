package org.calldesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Every event the application publishes on {@code ContactCenterEventTopic} while it is open, in
 * the order they arrive, as a CRM subscribed to the topic with the Artemis JMS client sees them.
 */
final class EventTopicRecorder implements AutoCloseable {

    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();
    private final JMSContext jms;

    EventTopicRecorder(String brokerUrl) {
        jms = new ActiveMQConnectionFactory(brokerUrl).createContext();
        JMSConsumer consumer = jms.createConsumer(jms.createTopic("ContactCenterEventTopic"));
        consumer.setMessageListener(this::record);
    }

    private void record(Message message) {
        try {
            JsonObject event = Json.createReader(new StringReader(message.getBody(String.class))).readObject();
            String kind = event.getJsonObject("subject").getString("kind");
            if (!kind.equals(message.getStringProperty("type"))
                    || !event.getString("type").equals(message.getStringProperty("eventType"))
                    || !event.getJsonObject("subject").getString("id").equals(message.getStringProperty("subjectId"))) {
                unreadable.add("properties do not match the body: " + event);
            }
            events.add(event);
        } catch (JMSException | RuntimeException e) {
            unreadable.add(e.toString());
        }
    }

    /** How many events arrived so far: a mark to read the events after it. */
    int mark() {
        return events.size();
    }

    /** The events of one subject (kind {@code call}, {@code agent} or {@code ticket}) in arrival order. */
    List<JsonObject> of(String kind, String id) {
        return of(kind, id, 0);
    }

    List<JsonObject> of(String kind, String id, int fromMark) {
        List<JsonObject> all = List.copyOf(events);
        return all.subList(Math.min(fromMark, all.size()), all.size()).stream()
                .filter(e -> e.getJsonObject("subject").getString("kind").equals(kind)
                        && e.getJsonObject("subject").getString("id").equals(id))
                .toList();
    }

    static List<String> types(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("type")).toList();
    }

    static List<Long> sequences(List<JsonObject> events) {
        return events.stream().map(e -> e.getJsonNumber("sequence").longValue()).toList();
    }

    /**
     * Waits until a call's or ticket's whole stream of events is exactly {@code expectedTypes},
     * then checks that they came in order of sequence, 1, 2, 3..., each once, with the envelope
     * of docs/events.md.
     *
     * @return the events
     */
    List<JsonObject> awaitWholeStream(String kind, String id, String... expectedTypes) {
        List<String> expected = List.of(expectedTypes);
        await(kind + " " + id + " published as " + expected).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(types(of(kind, id))).isEqualTo(expected));
        List<JsonObject> stream = of(kind, id);
        assertThat(sequences(stream)).as("sequence of the events of %s %s in arrival order", kind, id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, stream.size()).boxed().toList());
        stream.forEach(e -> {
            assertThat(e.getInt("schema")).isEqualTo(1);
            assertThat(e.getString("id")).isNotBlank();
            assertThat(e.getString("time")).isNotBlank();
            assertThat(e.getJsonObject("data").getString("id")).isEqualTo(id);
            assertThat(e.getJsonObject("data").getJsonNumber("sequence").longValue())
                    .isEqualTo(e.getJsonNumber("sequence").longValue());
        });
        assertThat(stream.stream().map(e -> e.getString("id")).distinct().count()).as("event ids are unique")
                .isEqualTo(stream.size());
        assertNoUnreadable();
        return stream;
    }

    /**
     * Waits until a call's or ticket's stream of events ends with the last of {@code expectedTypes}
     * and contains them all in this order, then checks that they came in order of sequence, 1, 2,
     * 3..., each once.
     */
    List<JsonObject> awaitStreamContaining(String kind, String id, String... expectedTypes) {
        await(kind + " " + id + " published " + List.of(expectedTypes)).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(types(of(kind, id))).containsSubsequence(expectedTypes)
                        .first().isEqualTo(expectedTypes[0]));
        List<JsonObject> stream = of(kind, id);
        assertThat(types(stream)).last().isEqualTo(expectedTypes[expectedTypes.length - 1]);
        assertThat(sequences(stream)).as("sequence of the events of %s %s in arrival order", kind, id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, stream.size()).boxed().toList());
        assertNoUnreadable();
        return stream;
    }

    /**
     * Checks the events of a subject that has a history before {@code mark} (an agent): those after
     * the mark came in order of sequence, each once, one more each time, and contain
     * {@code expectedTypes} in this order.
     */
    List<JsonObject> awaitStreamSince(int mark, String kind, String id, String... expectedTypes) {
        await(kind + " " + id + " published " + List.of(expectedTypes)).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(types(of(kind, id, mark))).containsSubsequence(expectedTypes));
        List<JsonObject> stream = of(kind, id, mark);
        List<Long> sequences = sequences(stream);
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("sequence of the events of %s %s in arrival order: %s", kind, id, sequences)
                    .isEqualTo(sequences.get(i - 1) + 1);
        }
        assertNoUnreadable();
        return stream;
    }

    void assertNoUnreadable() {
        assertThat(unreadable).as("events that could not be read").isEmpty();
    }

    @Override
    public void close() {
        jms.close();
    }
}
