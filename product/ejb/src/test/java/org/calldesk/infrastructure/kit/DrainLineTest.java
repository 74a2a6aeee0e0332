package org.calldesk.infrastructure.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainLineTest {

    @Test
    void theFirstAddStartsTheDrainerAndAddsWhileItRunsDoNot() {
        DrainLine<String> line = DrainLine.inOrder();
        assertThat(line.add("a")).isTrue();
        assertThat(line.add("b")).isFalse();
        assertThat(line.add(List.of())).isFalse();
        assertThat(line.size()).isEqualTo(2);
    }

    @Test
    void addingNothingToAnIdleLineStartsNothing() {
        DrainLine<String> line = DrainLine.inOrder();
        assertThat(line.add(List.of())).isFalse();
        assertThat(line.add("a")).isTrue();
    }

    @Test
    void theDrainerTakesOldestFirstAndTheEmptyTakeStopsIt() {
        DrainLine<String> line = DrainLine.inOrder();
        line.add(List.of("a", "b", "a"));
        assertThat(line.take(2)).containsExactly("a", "b");
        assertThat(line.add("c")).as("the drainer still runs").isFalse();
        assertThat(line.take(5)).containsExactly("a", "c");
        assertThat(line.take(5)).isEmpty();
        assertThat(line.add("d")).as("a new drainer after the last one stopped").isTrue();
    }

    @Test
    void aDistinctLineKeepsWorkInItsPlaceWhenAddedAgain() {
        DrainLine<String> line = DrainLine.distinct();
        line.add("support");
        line.add("sales");
        line.add("support");
        assertThat(line.take(5)).containsExactly("support", "sales");
    }

    @Test
    void afterAnAbandonedDrainTheNextAddStartsAnotherThatFindsWhatWasLeft() {
        DrainLine<String> line = DrainLine.inOrder();
        line.add("a");
        line.abandon();
        assertThat(line.contains("a")).isTrue();
        assertThat(line.add("b")).isTrue();
        assertThat(line.take(10)).containsExactly("a", "b");
    }

    /**
     * Threads add at once and drain only when the line tells them to: never two drainers at a
     * time, every piece drained exactly once, and nothing left behind at the end (a wake-up lost
     * between the drainer's last take and a concurrent add would leave work with no thread).
     */
    @Test
    void underConcurrentAddsOneDrainerRunsAtATimeAndNoWorkIsLeftBehind() throws Exception {
        int adders = 8;
        int adds = 5_000;
        DrainLine<String> line = DrainLine.inOrder();
        AtomicInteger draining = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger drainersStarted = new AtomicInteger();
        ConcurrentLinkedQueue<String> drained = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(adders);
        CountDownLatch done = new CountDownLatch(adders);
        ExecutorService threads = Executors.newFixedThreadPool(adders);
        for (int t = 0; t < adders; t++) {
            int adder = t;
            threads.execute(() -> {
                try {
                    start.await();
                    for (int i = 0; i < adds; i++) {
                        if (line.add(adder + ":" + i)) {
                            drainersStarted.incrementAndGet();
                            for (List<String> batch = line.take(3); !batch.isEmpty(); batch = line.take(3)) {
                                mostAtOnce.accumulateAndGet(draining.incrementAndGet(), Math::max);
                                drained.addAll(batch);
                                Thread.yield();
                                draining.decrementAndGet();
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        threads.shutdown();
        assertThat(failures).isEmpty();
        assertThat(mostAtOnce.get()).as("drainers at once").isEqualTo(1);
        assertThat(drainersStarted.get()).as("drainers started one after another").isGreaterThan(1);
        assertThat(line.size()).as("work left with no drainer").isZero();
        assertThat(drained).hasSize(adders * adds).doesNotHaveDuplicates();
        for (int t = 0; t < adders; t++) {
            String prefix = t + ":";
            List<String> ofAdder = new ArrayList<>();
            drained.stream().filter(work -> work.startsWith(prefix)).forEach(ofAdder::add);
            List<String> inOrder = new ArrayList<>();
            for (int i = 0; i < adds; i++) {
                inOrder.add(prefix + i);
            }
            assertThat(ofAdder).as("adder %d's work in the order it was added", t).containsExactlyElementsOf(inOrder);
        }
        assertThat(line.add("late")).as("the line is idle again").isTrue();
    }
}
