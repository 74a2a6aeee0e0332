package org.calldesk.infrastructure.messaging.outbox;

import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;

/**
 * Every few seconds, publishes the outbox events left for longer than {@link #LEFT_FOR}: those of
 * an instance that stopped between a commit and its relay, and those whose publishing failed
 * (the broker was away). A non-persistent timer on every instance; the rows' claims keep two
 * instances from publishing one event twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventOutboxSweeper {

    private static final Logger LOG = Logger.getLogger(EventOutboxSweeper.class.getName());

    /** Far longer than the relay takes after a commit, even under load. */
    static final Duration LEFT_FOR = Duration.ofSeconds(10);

    private static final int MAX_PER_RUN = 10 * EventRelay.MAX_BATCH;

    @Inject
    EventRelay relay;

    @Inject
    DatabaseMigration migration;

    Clock clock = Clock.systemUTC();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void sweep() {
        if (migration.failure().isPresent()) {
            return;
        }
        try {
            int published = 0;
            List<OutboxEvent> left = relay.leftBefore(clock.instant().minus(LEFT_FOR), EventRelay.MAX_BATCH);
            while (!left.isEmpty() && published < MAX_PER_RUN) {
                int sent = relay.publishOrLeave(left);
                if (sent == 0) {
                    break; // publishing fails (logged), or others took them; the next sweep tries again
                }
                published += sent;
                left = relay.leftBefore(clock.instant().minus(LEFT_FOR), EventRelay.MAX_BATCH);
            }
            if (published > 0) {
                LOG.log(Level.INFO, "published {0} events left in the outbox", published);
            }
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "outbox sweep failed: {0}", e.getMessage());
        }
    }
}
