package org.calldesk.infrastructure.persistence.migration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Says that the application stops (undeployed, or its server shuts down), so that work waiting for
 * the database ({@link DatabaseWait}) gives up and hands its message back to the broker instead of
 * holding the stop up for as long as the database is away.
 *
 * <p>Told by whichever comes first of the application's stop signals that the servers give in
 * different orders: CDI's end of the application context, and the end of the
 * {@link DatabaseMigration} singleton. A thread interrupted while it waits gives up as well. Kept
 * per deployment (a class of the application's own class loader).
 */
@ApplicationScoped
public class ApplicationStopping {

    private static final Logger LOG = Logger.getLogger(ApplicationStopping.class.getName());

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    /** Whether the application stops. */
    public static boolean now() {
        return STOPPING.get();
    }

    static void tell(String by) {
        if (STOPPING.compareAndSet(false, true)) {
            LOG.info(() -> "the application stops (" + by + "); PBX events still waiting for the database go back to the broker");
        }
    }

    static void applicationContextEnds(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        tell("its application context ends");
    }
}
