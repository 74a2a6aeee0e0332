package org.calldesk.pbxsim.pbx;

import java.util.concurrent.ScheduledFuture;

/**
 * Rings an outgoing channel (Originate, Dial) and reports how the far end responds, as the
 * far end's {@link Behaviour} scripts it: answer after a delay, busy, or no answer until the
 * caller's timeout.
 *
 * <p>While ringing, the channel is blocked in the ring; hanging it up or redirecting it ends
 * the attempt through {@link Outcome#abandoned()}.
 */
final class Ringer {

    /** How the ringing ended; each method is called at most once, on the PBX thread. */
    interface Outcome {
        /** The far end answered; the channel is Up. */
        void answered();

        /** The far end is busy (486); the channel is still there, for the caller to hang up. */
        void busy();

        /** Nobody answered within the timeout; the channel is still there. */
        void timedOut();

        /** The ringing channel was hung up or redirected before anything else happened. */
        void abandoned();
    }

    private Ringer() {
    }

    /**
     * Starts ringing {@code channel}.
     *
     * @param timeoutMillis how long to ring before giving up; 0 for no limit
     */
    /**
     * Rings a Local channel: its {@code ;2} half runs its extension, and what that dialplan does
     * decides the {@code ;1} half ({@code Answer()} answers it, see {@link Pbx#setState}; a
     * hang-up or {@code Busy()} ends it); no answer within {@code timeoutMillis} (0: no limit)
     * times it out.
     */
    static void ringLocal(Pbx pbx, Channel one, Channel two, long timeoutMillis, Outcome outcome) {
        boolean[] over = new boolean[1];
        ScheduledFuture<?> timer = timeoutMillis <= 0 ? null : pbx.schedule(() -> {
            if (!over[0] && !one.hungUp && one.state != ChannelState.UP) {
                over[0] = true;
                one.localOutcome = null;
                one.blocking = null;
                outcome.timedOut();
            }
        }, timeoutMillis);
        one.localOutcome = new Outcome() {
            @Override
            public void answered() {
                over[0] = true;
                if (timer != null) {
                    timer.cancel(false);
                }
                outcome.answered();
            }

            @Override
            public void busy() {
                outcome.busy();
            }

            @Override
            public void timedOut() {
                outcome.timedOut();
            }

            @Override
            public void abandoned() {
                outcome.abandoned();
            }
        };
        one.blocking = hangup -> {
            if (!over[0]) {
                over[0] = true;
                one.localOutcome = null;
                if (timer != null) {
                    timer.cancel(false);
                }
                outcome.abandoned();
            }
        };
        pbx.engine().startDialplan(two);
    }

    static void ring(Pbx pbx, Channel channel, long timeoutMillis, Outcome outcome) {
        Behaviour behaviour = channel.behaviour;
        ScheduledFuture<?>[] timers = new ScheduledFuture<?>[2];
        boolean[] done = new boolean[1];
        Runnable finish = () -> {
            done[0] = true;
            channel.blocking = null;
            for (ScheduledFuture<?> t : timers) {
                if (t != null) {
                    t.cancel(false);
                }
            }
        };
        channel.blocking = hangup -> {
            finish.run();
            outcome.abandoned();
        };
        if (behaviour.answer() == Behaviour.Answer.BUSY) {
            pbx.execute(() -> {
                if (!done[0] && !channel.hungUp) {
                    finish.run();
                    outcome.busy();
                }
            });
            return;
        }
        pbx.setState(channel, ChannelState.RINGING);
        if (behaviour.answer() == Behaviour.Answer.AFTER
                && (timeoutMillis <= 0 || behaviour.answerAfterMillis() < timeoutMillis)) {
            timers[0] = pbx.schedule(() -> {
                if (!done[0] && !channel.hungUp) {
                    finish.run();
                    pbx.setState(channel, ChannelState.UP);
                    outcome.answered();
                }
            }, behaviour.answerAfterMillis());
        }
        if (timeoutMillis > 0) {
            timers[1] = pbx.schedule(() -> {
                if (!done[0] && !channel.hungUp) {
                    finish.run();
                    outcome.timedOut();
                }
            }, timeoutMillis);
        }
    }
}
