package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PayaraSupervisorTest {

    /** A process that ends when told to, with the exit code it is told. */
    static final class FakeChild implements PayaraSupervisor.Child {
        final long pid;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        volatile boolean closed;

        FakeChild(long pid) {
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public int waitFor() throws InterruptedException {
            try {
                return exit.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            closed = true;
            exit.complete(143);
        }
    }

    private final List<FakeChild> children = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private PayaraSupervisor supervisor(int maxRestarts, PayaraSupervisor.Starter starter) {
        return new PayaraSupervisor(starter, new PayaraSupervisor.Policy(maxRestarts, Duration.ofMinutes(10),
                Duration.ofMillis(10), Duration.ofMillis(50)), log::add, child -> { });
    }

    private PayaraSupervisor.Starter fakes() {
        return () -> {
            FakeChild child = new FakeChild(100 + children.size());
            children.add(child);
            return child;
        };
    }

    private static Future<Integer> superviseInBackground(PayaraSupervisor supervisor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return supervisor.supervise();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aProcessThatDiesIsStartedAgainAndAStopEndsSupervisionWithoutARestart() throws Exception {
        PayaraSupervisor supervisor = supervisor(5, fakes());
        supervisor.start();
        Future<Integer> supervision = superviseInBackground(supervisor);

        children.get(0).exit.complete(137); // kill -9
        await().atMost(Duration.ofSeconds(10)).until(() -> children.size() == 2);
        assertThat(supervisor.current()).isSameAs(children.get(1));
        assertThat(supervisor.restarts()).isEqualTo(1);
        assertThat(log).singleElement().asString().contains("pid 100", "exit code 137", "restart 1 of at most 5");
        assertThat(supervision).isNotDone();

        supervisor.close();
        assertThat(supervision.get()).isZero();
        assertThat(children.get(1).closed).as("the running process stopped").isTrue();
        assertThat(children).as("no start after the stop").hasSize(2);
    }

    @Test
    void restartsAreBoundedThenTheSupervisorGivesUp() throws Exception {
        PayaraSupervisor.Starter dying = () -> {
            FakeChild child = new FakeChild(200 + children.size());
            children.add(child);
            child.exit.complete(1);
            return child;
        };
        PayaraSupervisor supervisor = supervisor(3, dying);
        supervisor.start();
        assertThat(superviseInBackground(supervisor).get()).isEqualTo(1);
        assertThat(children).as("the first start and three restarts").hasSize(4);
        assertThat(log).last().asString().contains("3 restarts within 10 min already: giving up");
    }

    @Test
    void noRestartsWhenNoneAreAllowed() throws Exception {
        PayaraSupervisor supervisor = supervisor(0, fakes());
        supervisor.start();
        children.get(0).exit.complete(137);
        assertThat(superviseInBackground(supervisor).get()).isEqualTo(137);
        assertThat(children).hasSize(1);
    }

    @Test
    void aStartThatFailsIsTriedAgainAsTheNextRestart() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        PayaraSupervisor.Starter flaky = () -> {
            if (attempts.incrementAndGet() == 2) {
                throw new java.io.IOException("no java");
            }
            FakeChild child = new FakeChild(300 + attempts.get());
            children.add(child);
            return child;
        };
        PayaraSupervisor supervisor = supervisor(5, flaky);
        supervisor.start();
        Future<Integer> supervision = superviseInBackground(supervisor);
        children.get(0).exit.complete(137);
        await().atMost(Duration.ofSeconds(10)).until(() -> children.size() == 2);
        assertThat(log).hasSize(2);
        assertThat(log.get(1)).contains("could not be started again", "no java", "restart 2 of at most 5");
        supervisor.close();
        assertThat(supervision.get()).isZero();
    }

    @Test
    void thePauseBeforeARestartDoublesUpToItsLimit() {
        PayaraSupervisor.Policy policy = PayaraSupervisor.Policy.of(8);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(n -> policy.delayBefore(n).toSeconds()).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }
}
