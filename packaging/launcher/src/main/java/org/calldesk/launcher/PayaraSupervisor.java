package org.calldesk.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the application process running: when Payara Micro ends without being asked to, it is
 * started again after a pause that doubles with each restart (bounded), while the broker, the
 * PBX simulator and the CRM in the launcher's process carry on. More than {@code maxRestarts}
 * restarts within {@code window} and the supervisor gives up: something is wrong that another
 * start will not mend (a port taken, a database refusing the login), and the launcher stops.
 * Each restart and the giving up are logged.
 */
public final class PayaraSupervisor implements AutoCloseable {

    /** One run of the supervised process. */
    public interface Child extends AutoCloseable {
        long pid();

        boolean isAlive();

        /** Until the process ends; its exit code. */
        int waitFor() throws InterruptedException;

        /** Stops the process (politely, then by force) and waits for its end. */
        @Override
        void close() throws Exception;
    }

    /** Starts one run. */
    public interface Starter {
        Child start() throws Exception;
    }

    /** How often and how soon a dead process is started again. */
    public record Policy(int maxRestarts, Duration window, Duration firstDelay, Duration maxDelay) {

        public static Policy of(int maxRestarts) {
            return new Policy(maxRestarts, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30));
        }

        /** The pause before the n-th restart in the window (1-based): doubling, at most {@link #maxDelay}. */
        Duration delayBefore(int restart) {
            Duration delay = firstDelay;
            for (int i = 1; i < restart && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    private final Starter starter;
    private final Policy policy;
    private final Consumer<String> log;
    private final Consumer<Child> onStart;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private volatile Child current;
    private volatile int restartCount;

    public PayaraSupervisor(Starter starter, Policy policy, Consumer<String> log, Consumer<Child> onStart) {
        this(starter, policy, log, onStart, Clock.systemUTC());
    }

    PayaraSupervisor(Starter starter, Policy policy, Consumer<String> log, Consumer<Child> onStart, Clock clock) {
        this.starter = starter;
        this.policy = policy;
        this.log = log;
        this.onStart = onStart;
        this.clock = clock;
    }

    /** The first start; a failure here is the caller's (nothing to restart yet). */
    public synchronized Child start() throws Exception {
        current = starter.start();
        onStart.accept(current);
        return current;
    }

    /** The process now running (or the last one, ended). */
    public Child current() {
        return current;
    }

    /** How many times the process was started again. */
    public int restarts() {
        return restartCount;
    }

    public boolean stopping() {
        return stop.getCount() == 0;
    }

    /**
     * Watches the process and starts it again whenever it ends, until {@link #close} (returns
     * 0) or until the restarts are used up (returns the last exit code, never 0).
     */
    public int supervise() throws InterruptedException {
        while (true) {
            Child child = current;
            int exit = child.waitFor();
            if (stopping()) {
                return 0;
            }
            Instant now = clock.instant();
            String why = "Payara Micro (pid " + child.pid() + ") ended on its own with exit code " + exit;
            while (true) {
                while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(policy.window()))) {
                    restarts.removeFirst();
                }
                if (restarts.size() >= policy.maxRestarts()) {
                    log.accept(why + "; " + restarts.size() + " restarts within " + policy.window().toMinutes()
                            + " min already: giving up");
                    return exit == 0 ? 1 : exit;
                }
                Duration delay = policy.delayBefore(restarts.size() + 1);
                log.accept(why + "; restart " + (restarts.size() + 1) + " of at most " + policy.maxRestarts()
                        + " within " + policy.window().toMinutes() + " min, in " + delay.toMillis() + " ms");
                if (stop.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return 0;
                }
                restarts.addLast(clock.instant());
                try {
                    synchronized (this) {
                        if (stopping()) {
                            return 0;
                        }
                        current = starter.start();
                        restartCount++;
                    }
                    onStart.accept(current);
                    break;
                } catch (Exception e) {
                    now = clock.instant();
                    why = "Payara Micro could not be started again (" + e + ")";
                }
            }
        }
    }

    /** Stops supervising and the process. */
    @Override
    public void close() throws Exception {
        Child child;
        synchronized (this) {
            stop.countDown();
            child = current;
        }
        if (child != null) {
            child.close();
        }
    }
}
