package org.calldesk.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.calldesk.application.CallEventService;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;
import org.calldesk.infrastructure.persistence.migration.DatabaseWait;
import org.junit.jupiter.api.Test;

/**
 * The PBX events queue's consumer during a database outage longer than the full servers' JMS
 * providers redeliver a failed event (OpenMQ 6 times, Artemis 10, each after 2 min of waiting in
 * place before): driven by a broker that counts the failed deliveries and dead-letters an event
 * after 6 of them, and a clock that moves by the pauses the consumer takes instead of sleeping.
 */
class PbxEventQueueConsumerTest {

    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
    private static final CallEvent ARRIVED = new CallEvent.CallArrived(new CallId("pbx-1"), "0101", "0215880001",
            START);

    private final AtomicLong sleptMillis = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return START.plusMillis(sleptMillis.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicBoolean migrated = new AtomicBoolean(true);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private Duration outage = Duration.ZERO;
    private final PbxEventsOnTheWay onTheWay = new PbxEventsOnTheWay(clock);
    private final PbxEventQueueConsumer consumer = consumer();

    @Test
    void anEventWaitsOutADatabaseAwayForLongerThanEveryRedeliveryOfTheBrokerAndIsAppliedOnce() {
        outage = Duration.ofMinutes(45);
        databaseUp.set(false);
        EventsOnTheWay.queued(onTheWay, ARRIVED, "event-1");
        EventsOnTheWay.sent(onTheWay, ARRIVED, "event-1");

        Broker.Outcome outcome = new Broker(consumer).deliver(message(ARRIVED, "event-1"));

        assertThat(outcome.failedDeliveries()).isZero();
        assertThat(outcome.deadLettered()).isFalse();
        assertThat(applied).containsExactly("event-1 " + ARRIVED);
        assertThat(Duration.ofMillis(sleptMillis.get())).isBetween(outage, outage.plusSeconds(5));
        assertThat(onTheWay.size()).isZero(); // applied: no longer on its way
    }

    @Test
    void routingIsHeldBackForACallerWhoseArrivalWaitsForTheDatabaseLongerThanThePatience() {
        outage = Duration.ofMinutes(30);
        databaseUp.set(false);
        EventsOnTheWay.queued(onTheWay, ARRIVED, "event-1");
        EventsOnTheWay.sent(onTheWay, ARRIVED, "event-1");
        List<List<PbxEventsOnTheWay.Arrival>> heldBackMeanwhile = new CopyOnWriteArrayList<>();
        consumer.callEvents = callEvents(() -> heldBackMeanwhile.add(onTheWay.arrivalsBefore(clock.instant())));

        new Broker(consumer).deliver(message(ARRIVED, "event-1"));

        // the last try, 30 min after the event came (the patience is 2 min), still found it on its way
        assertThat(heldBackMeanwhile.get(heldBackMeanwhile.size() - 1))
                .extracting(PbxEventsOnTheWay.Arrival::pbxCallId).containsExactly("pbx-1");
        assertThat(applied).hasSize(1);
    }

    @Test
    void anEventWaitsForTheSchemaForHoursWithoutGoingBackToTheBroker() {
        migrated.set(false);
        consumer.database = new DatabaseMigration() {
            @Override
            public Optional<String> failure() {
                if (sleptMillis.get() >= Duration.ofHours(2).toMillis()) {
                    migrated.set(true);
                }
                return migrated.get() ? Optional.empty() : Optional.of("not migrated yet");
            }

            @Override
            public boolean reachable() {
                return true;
            }
        };

        Broker.Outcome outcome = new Broker(consumer).deliver(message(ARRIVED, "event-1"));

        assertThat(outcome.failedDeliveries()).isZero();
        assertThat(applied).containsExactly("event-1 " + ARRIVED);
    }

    @Test
    void anEventWaitingWhenTheApplicationStopsGoesBackToTheBrokerUnappliedAndIsAppliedOnceAfterTheStart() {
        outage = Duration.ofDays(1);
        databaseUp.set(false);
        Broker broker = new Broker(consumer);
        consumer.callEvents = callEvents(() -> {
            if (sleptMillis.get() > Duration.ofMinutes(10).toMillis()) {
                stopping.set(true); // undeployed, or the server shuts down, while the database is away
            }
        });
        Message message = message(ARRIVED, "event-1");

        Broker.Outcome stopped = broker.deliverOnce(message);

        assertThat(stopped.failedDeliveries()).isEqualTo(1);
        assertThat(applied).isEmpty();

        // the next start, with the database back: a new consumer, the same message
        stopping.set(false);
        databaseUp.set(true);
        outage = Duration.ZERO;
        Broker.Outcome afterTheStart = new Broker(consumer()).deliver(message);

        assertThat(afterTheStart.failedDeliveries()).isZero();
        assertThat(applied).containsExactly("event-1 " + ARRIVED);
    }

    private PbxEventQueueConsumer consumer() {
        PbxEventQueueConsumer made = new PbxEventQueueConsumer();
        made.callEvents = callEvents(() -> { });
        made.database = new DatabaseMigration() {
            @Override
            public Optional<String> failure() {
                return migrated.get() ? Optional.empty() : Optional.of("not migrated yet");
            }

            @Override
            public boolean reachable() {
                return databaseUp.get();
            }
        };
        made.onTheWay = onTheWay;
        made.stopping = stopping::get;
        made.backoff = new DatabaseWait.Backoff(Duration.ofMillis(250), Duration.ofSeconds(5),
                duration -> sleptMillis.addAndGet(duration.toMillis()));
        made.line = new DatabaseWait.Line();
        return made;
    }

    /** Applies an event, or fails as a database that is away does, until the outage is over. */
    private CallEventService callEvents(Runnable beforeEachTry) {
        return (CallEventService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CallEventService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("handle")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    beforeEachTry.run();
                    if (sleptMillis.get() >= outage.toMillis()) {
                        databaseUp.set(true);
                    }
                    if (!databaseUp.get()) {
                        throw new IllegalStateException("Connection refused");
                    }
                    applied.add(args[1] + " " + args[0]);
                    return null;
                });
    }

    private static Message message(CallEvent event, String eventId) {
        String body = CallEventJson.write(event);
        return (Message) Proxy.newProxyInstance(PbxEventQueueConsumerTest.class.getClassLoader(),
                new Class<?>[] {Message.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBody" -> body;
                    case "getStringProperty" -> JmsSender.DUPLICATE_ID.equals(args[0]) ? eventId : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A broker as OpenMQ's adapter: a delivery that fails is tried again, 6 times, then dead-lettered. */
    private record Broker(PbxEventQueueConsumer consumer) {

        record Outcome(int failedDeliveries, boolean deadLettered) {
        }

        Outcome deliver(Message message) {
            int failed = 0;
            while (true) {
                try {
                    consumer.onMessage(message);
                    return new Outcome(failed, false);
                } catch (RuntimeException e) {
                    failed++;
                    if (failed > 6) {
                        return new Outcome(failed, true);
                    }
                }
            }
        }

        Outcome deliverOnce(Message message) {
            try {
                consumer.onMessage(message);
                return new Outcome(0, false);
            } catch (RuntimeException e) {
                return new Outcome(1, false);
            }
        }
    }
}
