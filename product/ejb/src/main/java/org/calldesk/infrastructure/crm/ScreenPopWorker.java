package org.calldesk.infrastructure.crm;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.integration.CustomerDirectory;
import org.calldesk.application.integration.ScreenPopService;

/**
 * Looks a caller up in the CRM outside any transaction (the lookup holds no database lock while
 * it waits), then records what it found in a transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScreenPopWorker {

    private static final Logger LOG = Logger.getLogger(ScreenPopWorker.class.getName());

    private static final int MAX_ATTEMPTS = 3;

    @Inject
    CustomerDirectory directory;

    @Inject
    ScreenPopService screenPop;

    @Asynchronous
    public void lookUpLater(String callId, String customerNumber) {
        directory.findByPhone(customerNumber).ifPresent(customer -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    screenPop.customerIdentified(callId, customer);
                    return;
                } catch (EJBException e) {
                    // a concurrent change of the call (an offer, a Confirm) won: try again on fresh data
                    if (attempt == MAX_ATTEMPTS) {
                        LOG.log(Level.INFO, "screen pop of call {0} not recorded: {1}",
                                new Object[] {callId, e.getMessage()});
                        return;
                    }
                }
            }
        });
    }
}
