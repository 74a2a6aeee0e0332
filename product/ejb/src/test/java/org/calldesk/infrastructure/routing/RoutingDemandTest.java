package org.calldesk.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RoutingDemandTest {

    private final RoutingDemand demand = new RoutingDemand();

    @Test
    void theFirstRequestStartsRoutingAndRequestsWhileItRunsDoNot() {
        assertThat(demand.request("support")).isTrue();
        assertThat(demand.request("support")).isFalse();
        assertThat(demand.request("sales")).isFalse(); // services share the one routing thread
    }

    @Test
    void theThreadTakesServicesInTheOrderTheyAskedEachOnce() {
        demand.request("support");
        demand.request("sales");
        demand.request("support");
        assertThat(demand.next()).isEqualTo("support");
        assertThat(demand.next()).isEqualTo("sales");
        assertThat(demand.next()).isNull();
    }

    @Test
    void aServiceAskingAgainGoesBehindTheOthers() {
        demand.request("support");
        demand.request("sales");
        assertThat(demand.next()).isEqualTo("support");
        demand.request("support"); // its batch was full
        assertThat(demand.next()).isEqualTo("sales");
        assertThat(demand.next()).isEqualTo("support");
    }

    @Test
    void whenNothingIsLeftTheThreadStopsAndTheNextRequestStartsAnother() {
        demand.request("support");
        assertThat(demand.next()).isEqualTo("support");
        assertThat(demand.next()).isNull();
        assertThat(demand.request("support")).isTrue();
    }

    @Test
    void afterAFailedRoutingTheNextRequestStartsAnother() {
        demand.request("support");
        demand.abandon();
        assertThat(demand.request("sales")).isTrue();
        assertThat(demand.isWanted("support")).isTrue(); // still in line for the new thread
    }

    @Test
    void underConcurrentRequestsOneThreadRoutesAtATimeAndEveryRequestIsServedAfterItWasMade() throws Exception {
        List<String> services = List.of("support", "sales", "billing");
        AtomicInteger routing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicLong clock = new AtomicLong();
        long[] lastRequested = new long[services.size()];
        long[] lastServed = new long[services.size()];
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.execute(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        int s = (thread + i) % services.size();
                        synchronized (lastRequested) {
                            lastRequested[s] = clock.incrementAndGet();
                        }
                        if (demand.request(services.get(s))) {
                            for (String next = demand.next(); next != null; next = demand.next()) {
                                mostAtOnce.accumulateAndGet(routing.incrementAndGet(), Math::max);
                                synchronized (lastRequested) {
                                    lastServed[services.indexOf(next)] = clock.incrementAndGet();
                                }
                                routing.decrementAndGet();
                            }
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        threads.shutdown();
        assertThat(failures).isEmpty();
        assertThat(mostAtOnce.get()).isEqualTo(1);
        for (int s = 0; s < services.size(); s++) {
            assertThat(lastServed[s]).as(services.get(s) + " routed after its last request").isGreaterThan(lastRequested[s]);
            assertThat(demand.isWanted(services.get(s))).isFalse();
        }
    }
}
