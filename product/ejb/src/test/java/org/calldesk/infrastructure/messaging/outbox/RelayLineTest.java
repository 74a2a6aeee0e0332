package org.calldesk.infrastructure.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RelayLineTest {

    private final RelayLine line = new RelayLine();

    @Test
    void theFirstCommitStartsARelayAndCommitsWhileItRunsDoNot() {
        assertThat(line.add(List.of(event("a")))).isTrue();
        assertThat(line.add(List.of(event("b")))).isFalse();
        assertThat(line.size()).isEqualTo(2);
    }

    @Test
    void aTransactionWithoutEventsStartsNothing() {
        assertThat(line.add(List.of())).isFalse();
        assertThat(line.add(List.of(event("a")))).isTrue();
    }

    @Test
    void theRelayTakesEventsInCommitOrderInBatchesAndStopsWhenNoneIsLeft() {
        line.add(List.of(event("a"), event("b")));
        line.add(List.of(event("c")));
        assertThat(line.next(2)).extracting(OutboxEvent::body).containsExactly("a", "b");
        assertThat(line.next(2)).extracting(OutboxEvent::body).containsExactly("c");
        assertThat(line.next(2)).isEmpty();
        assertThat(line.add(List.of(event("d")))).as("a new relay after the last one stopped").isTrue();
    }

    @Test
    void afterAFailedRelayTheNextCommitStartsAnotherThatPublishesWhatWasLeft() {
        line.add(List.of(event("a")));
        line.abandon();
        assertThat(line.add(List.of(event("b")))).isTrue();
        assertThat(line.next(10)).extracting(OutboxEvent::body).containsExactly("a", "b");
    }

    @Test
    void underConcurrentCommitsOneRelayRunsAtATimeAndEveryEventIsRelayedOnceInCommitOrder() throws Exception {
        int committers = 8;
        int commits = 2_000;
        AtomicInteger relaying = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ConcurrentLinkedQueue<String> relayed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(committers);
        CountDownLatch done = new CountDownLatch(committers);
        for (int t = 0; t < committers; t++) {
            int committer = t;
            threads.execute(() -> {
                try {
                    for (int i = 0; i < commits; i++) {
                        if (line.add(List.of(event(committer + ":" + i)))) {
                            for (List<OutboxEvent> batch = line.next(50); !batch.isEmpty(); batch = line.next(50)) {
                                mostAtOnce.accumulateAndGet(relaying.incrementAndGet(), Math::max);
                                batch.forEach(event -> relayed.add(event.body()));
                                relaying.decrementAndGet();
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
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(line.size()).isZero();
        assertThat(relayed).hasSize(committers * commits).doesNotHaveDuplicates();
        for (int t = 0; t < committers; t++) {
            String prefix = t + ":";
            List<String> ofCommitter = new ArrayList<>();
            relayed.stream().filter(body -> body.startsWith(prefix)).forEach(ofCommitter::add);
            List<String> inOrder = new ArrayList<>();
            for (int i = 0; i < commits; i++) {
                inOrder.add(prefix + i);
            }
            assertThat(ofCommitter).as("committer %d's events in its commit order", t).containsExactlyElementsOf(inOrder);
        }
    }

    private static OutboxEvent event(String body) {
        return new OutboxEvent("call", "call-1", "call.waiting", body, Instant.EPOCH);
    }
}
