package org.calldesk.pbxsim.pbx;

/**
 * An application a channel is blocked in (MusicOnHold, Wait, Bridge, Dial, Playback).
 *
 * <p>Asterisk interrupts such an application when the channel is redirected or hung up; the
 * application then cleans up (stops the music, leaves the bridge, hangs up the dialled leg).
 * {@link #interrupt(boolean)} is that clean-up.
 */
@FunctionalInterface
interface Blocking {

    /**
     * Stops the application without continuing the dialplan.
     *
     * @param hangup true when the channel is being hung up, false when it is redirected
     */
    void interrupt(boolean hangup);
}
