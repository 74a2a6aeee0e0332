package org.calldesk.pbxsim.pbx;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A load to generate: customers calling in at a steady rate for a while, each hanging up by
 * themselves after a hold time unless the application (or anyone) ends the call first.
 *
 * @param callsPerSecond new inbound calls per second
 * @param duration how long to keep placing calls
 * @param serviceNumbers the numbers called, in turn
 * @param holdMillis how long each customer stays on the line once answered before hanging up
 * @param maxChannels calls are skipped (and counted) while this many channels already exist,
 *                    so a stuck application cannot make the simulator grow without bound
 */
public record LoadProfile(double callsPerSecond, Duration duration, List<String> serviceNumbers, long holdMillis,
                          int maxChannels) {

    public LoadProfile {
        Objects.requireNonNull(duration, "duration is required");
        serviceNumbers = List.copyOf(serviceNumbers);
        if (callsPerSecond <= 0 || callsPerSecond > 100_000) {
            throw new IllegalArgumentException("callsPerSecond must be above 0 and at most 100000");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        if (serviceNumbers.isEmpty()) {
            throw new IllegalArgumentException("at least one service number is required");
        }
        if (holdMillis < 0) {
            throw new IllegalArgumentException("holdMillis must not be negative");
        }
        if (maxChannels < 1) {
            throw new IllegalArgumentException("maxChannels must be at least 1");
        }
    }

    /** {@code rate} calls per second to one service number for {@code duration}, holding 10 s, at most 20 000 channels. */
    public static LoadProfile of(double rate, Duration duration, String serviceNumber) {
        return new LoadProfile(rate, duration, List.of(serviceNumber), 10_000, 20_000);
    }

    public LoadProfile holdingFor(long millis) {
        return new LoadProfile(callsPerSecond, duration, serviceNumbers, millis, maxChannels);
    }

    public LoadProfile withMaxChannels(int max) {
        return new LoadProfile(callsPerSecond, duration, serviceNumbers, holdMillis, max);
    }
}
