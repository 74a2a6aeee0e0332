package org.calldesk.pbxsim.pbx;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running load: places inbound calls at the profile's rate on the PBX thread, from a tick
 * every 10 ms, so the calls are spread evenly and the pace does not drift.
 *
 * <p>Each caller gets a fresh number ({@code 070} and eight digits) and hangs up
 * {@code holdMillis} after the PBX answers. No call is placed while {@code maxChannels}
 * channels exist (those are counted as skipped), so the simulator's memory stays bounded
 * whatever the application under test does with the calls.
 */
public final class LoadGenerator {

    private static final long TICK_MILLIS = 10;
    private static final AtomicLong CALLERS = new AtomicLong();

    private final Pbx pbx;
    private final LoadProfile profile;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Behaviour customer;
    private volatile ScheduledFuture<?> ticker;
    private long due;
    private int nextService;

    LoadGenerator(Pbx pbx, LoadProfile profile) {
        this.pbx = Objects.requireNonNull(pbx, "pbx is required");
        this.profile = Objects.requireNonNull(profile, "profile is required");
        this.customer = Behaviour.answerAfter(0).hangingUpAfter(profile.holdMillis());
    }

    void start() {
        ticker = pbx.schedule(this::tick, 0);
    }

    /**
     * Places the calls due by now. The next tick is scheduled after this one, not at a fixed
     * rate, so a busy PBX thread runs its due timers (hang-ups, answers) between ticks instead
     * of catching up on ticks first; the count stays exact because it follows elapsed time.
     */
    private void tick() {
        if (isFinished()) {
            return;
        }
        long elapsedNanos = System.nanoTime() - startNanos;
        long durationNanos = profile.duration().toNanos();
        boolean last = elapsedNanos >= durationNanos;
        long target = (long) Math.floor(profile.callsPerSecond() * Math.min(elapsedNanos, durationNanos) / 1e9);
        long batch = target - due;
        for (long i = 0; i < batch; i++) {
            if (pbx.channelCount() >= profile.maxChannels()) {
                skipped.incrementAndGet();
            } else {
                String service = profile.serviceNumbers().get(nextService++ % profile.serviceNumbers().size());
                String caller = String.format(Locale.ROOT, "070%08d", CALLERS.incrementAndGet() % 100_000_000L);
                pbx.placeInboundCall(caller, "", service, customer);
                placed.incrementAndGet();
            }
        }
        due = target;
        if (last) {
            halt();
        } else {
            ticker = pbx.schedule(this::tick, TICK_MILLIS);
        }
    }

    public LoadProfile profile() {
        return profile;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Calls placed so far. */
    public long placed() {
        return placed.get();
    }

    /** Calls not placed because {@code maxChannels} channels existed. */
    public long skipped() {
        return skipped.get();
    }

    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    /**
     * Stops placing calls; calls already up carry on. Runs on the PBX thread, so once it
     * returns no tick is half-way through and {@link #placed()} is final.
     */
    public void stop() {
        try {
            pbx.call(() -> {
                halt();
                return null;
            });
        } catch (IllegalStateException e) {
            halt();
        }
    }

    private void halt() {
        finished.countDown();
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Waits until the load has placed its last call or was stopped. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }
}
