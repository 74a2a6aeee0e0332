package org.calldesk.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoutingDemandTest {

    private final RoutingDemand demand = new RoutingDemand();

    @Test
    void theFirstRequestRoutesAndRequestsWhileItRunsDoNot() {
        assertThat(demand.request("support")).isTrue();
        assertThat(demand.request("support")).isFalse();
        assertThat(demand.request("support")).isFalse();
    }

    @Test
    void servicesAreRoutedIndependently() {
        assertThat(demand.request("support")).isTrue();
        assertThat(demand.request("sales")).isTrue();
    }

    @Test
    void aRoundThatServedEveryRequestEndsTheRouting() {
        demand.request("support");
        int pending = demand.pending("support");
        assertThat(demand.served("support", pending)).isTrue();
        assertThat(demand.request("support")).isTrue();
    }

    @Test
    void aRequestDuringARoundMakesTheRoutingGoRoundAgain() {
        demand.request("support");
        int pending = demand.pending("support");
        demand.request("support"); // while the round runs
        assertThat(demand.served("support", pending)).isFalse();
        assertThat(demand.served("support", demand.pending("support"))).isTrue();
    }

    @Test
    void afterAFailedRoutingTheNextRequestStartsAnother() {
        demand.request("support");
        demand.request("support");
        demand.abandon("support");
        assertThat(demand.request("support")).isTrue();
    }

    @Test
    void underConcurrentRequestsOneThreadRoutesAtATimeAndTheLastRequestIsServed() throws Exception {
        AtomicInteger routing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger requestsServed = new AtomicInteger();
        AtomicInteger requestsMade = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            threads.execute(() -> {
                for (int i = 0; i < 2_000; i++) {
                    requestsMade.incrementAndGet();
                    if (demand.request("support")) {
                        int pending;
                        do {
                            pending = demand.pending("support");
                            mostAtOnce.accumulateAndGet(routing.incrementAndGet(), Math::max);
                            requestsServed.set(requestsMade.get());
                            routing.decrementAndGet();
                        } while (!demand.served("support", pending));
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        threads.shutdown();
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(demand.pending("support")).isZero();
        assertThat(requestsServed.get()).isEqualTo(16_000);
    }
}
