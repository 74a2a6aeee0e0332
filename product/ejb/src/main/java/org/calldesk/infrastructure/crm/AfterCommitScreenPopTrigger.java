package org.calldesk.infrastructure.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.calldesk.application.integration.ScreenPopTrigger;

/**
 * Starts the CRM lookup of a new call's caller once the call is committed, on another thread
 * ({@link ScreenPopWorker}), so routing and the agent's alert never wait for the CRM.
 */
@ApplicationScoped
public class AfterCommitScreenPopTrigger implements ScreenPopTrigger {

    /** A committed call whose caller the CRM may know. */
    public record LookupWanted(String callId, String customerNumber) {
    }

    @Inject
    Event<LookupWanted> wanted;

    @Inject
    CrmSettings settings;

    @Inject
    ScreenPopWorker worker;

    @Override
    public void lookUpSoon(String callId, String customerNumber) {
        if (settings.baseUri().isPresent()) {
            wanted.fire(new LookupWanted(callId, customerNumber));
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) LookupWanted lookup) {
        worker.lookUpLater(lookup.callId(), lookup.customerNumber());
    }
}
