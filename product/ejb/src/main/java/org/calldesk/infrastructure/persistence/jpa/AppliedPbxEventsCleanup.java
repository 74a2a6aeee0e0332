package org.calldesk.infrastructure.persistence.jpa;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.AppliedPbxEvents;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;

/**
 * Forgets the ids of PBX events applied more than a day ago: a copy of an event arrives within
 * moments of the first, never a day later. On every node; deleting twice is harmless.
 */
@Singleton
public class AppliedPbxEventsCleanup {

    private static final Logger LOG = Logger.getLogger(AppliedPbxEventsCleanup.class.getName());
    static final Duration KEPT = Duration.ofDays(1);

    @Inject
    AppliedPbxEvents applied;

    @Inject
    DatabaseMigration migration;

    Clock clock = Clock.systemUTC();

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOldIds() {
        if (migration.failure().isPresent()) {
            return;
        }
        try {
            int forgotten = applied.forgetBefore(clock.instant().minus(KEPT));
            LOG.fine(() -> "forgot " + forgotten + " ids of PBX events applied more than " + KEPT + " ago");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not forget old ids of applied PBX events: {0}", e.getMessage());
        }
    }
}
