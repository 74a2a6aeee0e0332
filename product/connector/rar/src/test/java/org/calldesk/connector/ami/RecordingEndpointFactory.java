package org.calldesk.connector.ami;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.transaction.xa.XAResource;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallEventListener;

/**
 * A message-driven bean as the container presents it to an adapter: endpoints that implement
 * {@link CallEventListener} and {@link MessageEndpoint}. Records what it receives, on which
 * thread, and checks every endpoint is released.
 */
public final class RecordingEndpointFactory implements MessageEndpointFactory {

    public final List<CallEvent> received = new CopyOnWriteArrayList<>();
    /** The event id that came with each received event ("-" for none), in the same order. */
    final List<String> receivedIds = new CopyOnWriteArrayList<>();
    public final List<String> deliveryThreads = new CopyOnWriteArrayList<>();
    final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger released = new AtomicInteger();
    private final String name;
    private volatile Predicate<CallEvent> failOn = event -> false;
    private volatile java.util.concurrent.CountDownLatch blockUntil = new java.util.concurrent.CountDownLatch(0);

    public RecordingEndpointFactory(String name) {
        this.name = name;
    }

    /** Every delivery blocks until the latch opens (after recording the event): a send to a broker that is down. */
    public RecordingEndpointFactory blockingUntil(java.util.concurrent.CountDownLatch open) {
        this.blockUntil = open;
        return this;
    }

    /** The endpoint throws for the events the predicate accepts (after recording them). */
    public RecordingEndpointFactory failingOn(Predicate<CallEvent> predicate) {
        this.failOn = predicate;
        return this;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        created.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, CallEventListener.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "onCallEvent" -> {
                            CallEvent event = (CallEvent) args[0];
                            received.add(event);
                            receivedIds.add(args[1] == null ? "-" : (String) args[1]);
                            deliveryThreads.add(Thread.currentThread().getName());
                            blockUntil.await();
                            if (failOn.test(event)) {
                                throw new IllegalStateException("endpoint " + name + " fails on purpose");
                            }
                            return null;
                        }
                        case "release" -> {
                            released.incrementAndGet();
                            return null;
                        }
                        case "toString" -> {
                            return "endpoint " + name;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> {
                            return null;
                        }
                    }
                });
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return name;
    }

    @Override
    public Class<?> getEndpointClass() {
        return CallEventListener.class;
    }

    /** The ids that came with the events of that type, in order. */
    public List<String> idsOf(Class<? extends CallEvent> type) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            if (type.isInstance(received.get(i))) {
                ids.add(receivedIds.get(i));
            }
        }
        return ids;
    }

    public <T extends CallEvent> List<T> receivedOf(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    /** The first received event of the type that matches, waiting for it at most {@code patience}. */
    public <T extends CallEvent> T awaitEvent(Class<T> type, Predicate<T> matching, java.time.Duration patience) {
        return org.awaitility.Awaitility.await().atMost(patience)
                .until(() -> receivedOf(type).stream().filter(matching).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The received events of one call, in the order they came. */
    public List<CallEvent> eventsOf(org.calldesk.connector.api.CallId call) {
        return received.stream().filter(e -> e.callId().filter(call::equals).isPresent()).toList();
    }
}
