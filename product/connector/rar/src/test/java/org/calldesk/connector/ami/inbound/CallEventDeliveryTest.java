package org.calldesk.connector.ami.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.transaction.xa.XAResource;
import org.calldesk.connector.ami.ExecutorWorkManager;
import org.calldesk.connector.ami.RecordingEndpointFactory;
import org.calldesk.connector.api.CallEvent.CallRinging;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallEventListener;
import org.calldesk.connector.api.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallEventDeliveryTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    private final ExecutorWorkManager workManager = new ExecutorWorkManager(8);
    private final List<MessageEndpointFactory> endpoints = new CopyOnWriteArrayList<>();
    private final Timer timer = new Timer("test-delivery-retry", true);
    private final CallEventDelivery delivery = new CallEventDelivery(workManager, () -> endpoints, timer);

    @AfterEach
    void stop() throws InterruptedException {
        delivery.close();
        timer.cancel();
        workManager.close();
    }

    private static CallEvent.CallArrived arrived(int call) {
        return new CallEvent.CallArrived(new CallId("call-" + call), "0101234" + call, "1500", AT);
    }

    private static CallRinging ringing(int call, int sequence) {
        return new CallRinging(new CallId("call-" + call), Integer.toString(sequence), AT);
    }

    @Test
    void everyActiveEndpointReceivesEveryEvent() {
        RecordingEndpointFactory first = new RecordingEndpointFactory("first");
        RecordingEndpointFactory second = new RecordingEndpointFactory("second");
        endpoints.addAll(List.of(first, second));

        delivery.publish(ringing(1, 1));
        delivery.publish(new CallEvent.PbxConnectionRestored(AT));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(first.received).containsExactlyInAnyOrder(ringing(1, 1), new CallEvent.PbxConnectionRestored(AT));
            assertThat(second.received).containsExactlyInAnyOrder(ringing(1, 1), new CallEvent.PbxConnectionRestored(AT));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> first.released.get() == 2 && second.released.get() == 2);
    }

    @Test
    void eventsOfOneCallArriveInOrderWhileCallsAreDeliveredInParallel() {
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory("mdb");
        endpoints.add(endpoint);
        int calls = 12;
        int perCall = 150;

        for (int sequence = 0; sequence < perCall; sequence++) {
            for (int call = 0; call < calls; call++) {
                delivery.publish(ringing(call, sequence));
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.received.size() == calls * perCall);
        for (int call = 0; call < calls; call++) {
            CallId id = new CallId("call-" + call);
            List<String> sequence = endpoint.receivedOf(CallRinging.class).stream()
                    .filter(e -> e.call().equals(id)).map(CallRinging::party).toList();
            assertThat(sequence).as("order of call %s", id)
                    .containsExactlyElementsOf(IntStream.range(0, perCall).mapToObj(Integer::toString).toList());
        }
        assertThat(endpoint.deliveryThreads).allMatch(name -> name.startsWith("test-work-"));
    }

    @Test
    void anEndpointThatThrowsGetsTheEventAgainUntilItTakesItAndTheOthersGetItOnce() {
        AtomicInteger failures = new AtomicInteger();
        RecordingEndpointFactory failing = new RecordingEndpointFactory("failing")
                .failingOn(e -> failures.getAndIncrement() < 3);
        RecordingEndpointFactory healthy = new RecordingEndpointFactory("healthy");
        endpoints.addAll(List.of(failing, healthy));

        delivery.publish(ringing(1, 1));
        delivery.publish(ringing(1, 2));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(failing.received).containsExactly(ringing(1, 1), ringing(1, 1), ringing(1, 1), ringing(1, 1),
                    ringing(1, 2));
            assertThat(healthy.received).containsExactly(ringing(1, 1), ringing(1, 2));
            assertThat(failing.released).hasValue(5);
        });
        assertThat(delivery.waiting()).isZero();
    }

    @Test
    void whileAnEventWaitsTheEventsOfOtherCallsQueueBehindItAndAllComeInTheOrderReported() {
        AtomicBoolean brokerDown = new AtomicBoolean(true);
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory("mdb").failingOn(e -> brokerDown.get());
        endpoints.add(endpoint);
        delivery.publish(arrived(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.waiting() == 1);
        for (int call = 2; call <= 20; call++) {
            delivery.publish(arrived(call));
        }

        brokerDown.set(false);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivery.waiting() == 0);
        assertThat(endpoint.received.stream().distinct().toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(CallEventDeliveryTest::arrived).toList());
    }

    @Test
    void anEndpointWhoseInstancesAreAllBusyGetsTheEventOnceOneIsFree() {
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory("mdb");
        AtomicInteger refusals = new AtomicInteger();
        endpoints.add(new BusyFactory(endpoint, 3, refusals));

        delivery.publish(ringing(1, 1));
        delivery.publish(ringing(1, 2));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(endpoint.received).containsExactly(ringing(1, 1), ringing(1, 2)));
        assertThat(refusals).hasValue(3);
    }

    @Test
    void aBusyEndpointThatIsDeactivatedNoLongerHoldsTheLane() {
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory("mdb");
        BusyFactory alwaysBusy = new BusyFactory(endpoint, Integer.MAX_VALUE, new AtomicInteger());
        endpoints.add(alwaysBusy);
        delivery.publish(ringing(1, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> alwaysBusy.refusals.get() > 0);

        endpoints.remove(alwaysBusy);
        RecordingEndpointFactory next = new RecordingEndpointFactory("next");
        endpoints.add(next);
        delivery.publish(ringing(1, 2));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(next.received).contains(ringing(1, 2)));
        assertThat(endpoint.received).isEmpty();
    }

    /** A message-driven bean whose instances are all busy for the first {@code busy} requests. */
    private static final class BusyFactory implements MessageEndpointFactory {
        private final RecordingEndpointFactory delegate;
        private final int busy;
        final AtomicInteger refusals;

        BusyFactory(RecordingEndpointFactory delegate, int busy, AtomicInteger refusals) {
            this.delegate = delegate;
            this.busy = busy;
            this.refusals = refusals;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
            if (refusals.get() < busy) {
                refusals.incrementAndGet();
                throw new UnavailableException("all instances busy");
            }
            return delegate.createEndpoint(xaResource);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
            return createEndpoint(xaResource);
        }

        @Override
        public boolean isDeliveryTransacted(java.lang.reflect.Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "busy";
        }

        @Override
        public Class<?> getEndpointClass() {
            return CallEventListener.class;
        }
    }

    @Test
    void whileAnEndpointIsStuckTheEventsOfOtherCallsWaitAndComeInTheOrderReported() {
        CountDownLatch brokerBack = new CountDownLatch(1);
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory("mdb").blockingUntil(brokerBack);
        endpoints.add(endpoint);
        CallEventDelivery stalling = new CallEventDelivery(workManager, () -> endpoints, timer,
                CallEventDelivery.DEFAULT_CAPACITY, Duration.ofMillis(100));
        try {
            stalling.publish(arrived(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.received.size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(stalling::isStalled);
            for (int call = 2; call <= 10; call++) {
                stalling.publish(arrived(call));
            }

            brokerBack.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.received.stream().distinct().count() == 10);
            assertThat(endpoint.received.stream().distinct().filter(e -> !e.equals(arrived(1))).toList())
                    .containsExactlyElementsOf(IntStream.rangeClosed(2, 10).mapToObj(CallEventDeliveryTest::arrived).toList());
        } finally {
            stalling.close();
        }
    }

    @Test
    void eventsWithoutEndpointsWaitAndComeInTheOrderReportedOnceOneIsActivated() {
        for (int call = 1; call <= 10; call++) {
            delivery.publish(arrived(call));
            delivery.publish(ringing(call, 1));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.waiting() == 20);
        RecordingEndpointFactory late = new RecordingEndpointFactory("late");
        endpoints.add(late);

        delivery.endpointsChanged();

        await().atMost(Duration.ofSeconds(5)).until(() -> late.received.size() == 20);
        List<CallEvent> expected = new ArrayList<>();
        for (int call = 1; call <= 10; call++) {
            expected.add(arrived(call));
            expected.add(ringing(call, 1));
        }
        assertThat(late.received).containsExactlyElementsOf(expected);
        assertThat(delivery.waiting()).isZero();

        delivery.publish(ringing(11, 1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(late.received).contains(ringing(11, 1)));
    }

    @Test
    void theEventsThatWaitAreBoundedAndTheOnesKeptAreDeliveredLater() {
        CallEventDelivery bounded = new CallEventDelivery(workManager, () -> endpoints, timer, 3, CallEventDelivery.DEFAULT_STALL);
        try {
            bounded.publish(arrived(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> bounded.waiting() == 1);
            for (int call = 2; call <= 5; call++) {
                bounded.publish(arrived(call));
            }
            assertThat(bounded.waiting()).isEqualTo(3);
            RecordingEndpointFactory late = new RecordingEndpointFactory("late");
            endpoints.add(late);
            bounded.endpointsChanged();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(late.received).containsExactly(arrived(1), arrived(2), arrived(3)));
        } finally {
            bounded.close();
        }
    }

    @Test
    void nothingIsDeliveredAfterClose() {
        RecordingEndpointFactory endpoint = new RecordingEndpointFactory("mdb");
        endpoints.add(endpoint);
        delivery.close();

        delivery.publish(ringing(1, 1));

        assertThat(workManager.scheduled).hasValue(0);
        assertThat(endpoint.received).isEmpty();
    }
}
