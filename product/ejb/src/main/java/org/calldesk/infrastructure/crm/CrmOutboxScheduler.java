package org.calldesk.infrastructure.crm;

import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;

/**
 * Every second, sends what waits in the CRM outbox, one message after the other, until nothing
 * is due or the CRM fails (then the head of the line waits for its retry, and so does the rest).
 * A non-persistent timer on every instance; the row lock keeps instances from overtaking.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CrmOutboxScheduler {

    private static final Logger LOG = Logger.getLogger(CrmOutboxScheduler.class.getName());
    private static final int MAX_PER_RUN = 200;

    @Inject
    CrmOutboxRelay relay;

    @Inject
    CrmSettings settings;

    @Inject
    DatabaseMigration migration;

    private boolean failing;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void deliver() {
        if (settings.baseUri().isEmpty() || migration.failure().isPresent()) {
            return;
        }
        try {
            for (int i = 0; i < MAX_PER_RUN; i++) {
                CrmOutbox.Step step = relay.deliverNext();
                if (step == CrmOutbox.Step.FAILED) {
                    if (!failing) {
                        LOG.warning("The CRM does not take ticket changes; they wait in the outbox and are retried");
                    }
                    failing = true;
                    return;
                }
                if (step == CrmOutbox.Step.NOTHING_DUE) {
                    return;
                }
                if (failing) {
                    LOG.info("The CRM takes ticket changes again; delivering what waited");
                    failing = false;
                }
            }
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "CRM outbox delivery failed: {0}", e.getMessage());
        }
    }
}
