package org.calldesk.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrokerHealthCheckTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue queue = proxy(Queue.class, (method, args) -> "PbxEventQueue");
    /** Released when the broker is back: until then, anything that reaches it blocks (the adapter reconnects for ever). */
    private final CountDownLatch brokerBack = new CountDownLatch(1);
    private final AtomicInteger browsersOpened = new AtomicInteger();

    @BeforeAll
    static void healthResponses() {
        PlainHealthResponses.install();
    }

    @AfterEach
    void stop() {
        brokerBack.countDown();
        executor.shutdownNow();
    }

    /** A pooled connection factory: connections and sessions are handed out from the pool, the browser needs the broker. */
    private ConnectionFactory pooled(boolean brokerDown) {
        Session session = proxy(Session.class, (method, args) -> switch (method) {
            case "createBrowser" -> {
                if (brokerDown) {
                    brokerBack.await();
                }
                browsersOpened.incrementAndGet();
                yield proxy(QueueBrowser.class, (m, a) -> m.equals("getEnumeration") ? Collections.emptyEnumeration() : null);
            }
            default -> null;
        });
        Connection connection = proxy(Connection.class, (method, args) -> method.equals("createSession") ? session : null);
        return proxy(ConnectionFactory.class, (method, args) -> method.equals("createConnection") ? connection : null);
    }

    @Test
    void theBrokerIsDownWhileItDoesNotAnswerThoughThePoolStillHandsOutConnections() {
        BrokerHealthCheck check = new BrokerHealthCheck(pooled(true), queue, executor, Clock.systemUTC());

        HealthCheckResponse first = check.call();
        HealthCheckResponse second = check.call();

        assertThat(first.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(first.getData().orElseThrow().get("error").toString()).contains("did not answer within");
        assertThat(second.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(second.getData().orElseThrow().get("error").toString()).contains("has not answered since");

        brokerBack.countDown();
        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS)
                .until(() -> check.call().getStatus() == HealthCheckResponse.Status.UP);
    }

    @Test
    void theBrokerIsUpWhenABrowserOnTheQueueOpens() {
        BrokerHealthCheck check = new BrokerHealthCheck(pooled(false), queue, executor, Clock.systemUTC());

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(browsersOpened).hasValue(1);
    }

    @Test
    void aCheckWhileAProbeRunsTakesThatProbesAnswerWithinItsPatience() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        Session session = proxy(Session.class, (method, args) -> switch (method) {
            case "createBrowser" -> {
                probing.countDown();
                brokerBack.await();
                browsersOpened.incrementAndGet();
                yield proxy(QueueBrowser.class, (m, a) -> m.equals("getEnumeration") ? Collections.emptyEnumeration() : null);
            }
            default -> null;
        });
        Connection connection = proxy(Connection.class, (method, args) -> method.equals("createSession") ? session : null);
        ConnectionFactory factory = proxy(ConnectionFactory.class, (method, args) -> method.equals("createConnection")
                ? connection : null);
        // the broker answers as soon as the second caller waits for the probe: no timing decides the outcome
        AtomicInteger waits = new AtomicInteger();
        ExecutorService probes = proxy(ExecutorService.class, (method, args) -> {
            if (!method.equals("submit")) {
                return null;
            }
            @SuppressWarnings("unchecked")
            java.util.concurrent.Future<Object> probe = executor.submit((java.util.concurrent.Callable<Object>) args[0]);
            return proxy(java.util.concurrent.Future.class, (m, a) -> {
                if (m.equals("get") && a != null && waits.incrementAndGet() == 2) {
                    brokerBack.countDown();
                }
                return switch (m) {
                    case "get" -> a == null ? probe.get() : probe.get((Long) a[0], (TimeUnit) a[1]);
                    case "isDone" -> probe.isDone();
                    default -> null;
                };
            });
        });
        BrokerCheck check = new BrokerCheck(factory, queue, probes, Clock.fixed(java.time.Instant.EPOCH,
                java.time.ZoneOffset.UTC));

        executor.submit(check::check); // e.g. /health
        assertThat(probing.await(5, TimeUnit.SECONDS)).isTrue();
        CheckResult second = check.check(); // e.g. the broker watch, while that probe runs

        assertThat(second.isUp()).isTrue();
        assertThat(browsersOpened).hasValue(1);
    }

    @Test
    void theBrokerIsDownNotAFailureWhileTheApplicationStarts() {
        BrokerHealthCheck check = new BrokerHealthCheck(new BrokerCheck() {
            @Override
            public CheckResult check() {
                throw new jakarta.ejb.EJBException("Attempt to invoke when container is in Initializing");
            }
        });

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("error").toString()).contains("not up yet");
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(BrokerHealthCheckTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    return answer.answer(method.getName(), args);
                }));
    }
}
