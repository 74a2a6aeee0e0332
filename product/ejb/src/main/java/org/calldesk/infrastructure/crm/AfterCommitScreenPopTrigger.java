package org.calldesk.infrastructure.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calldesk.application.integration.ScreenPopTrigger;
import org.calldesk.infrastructure.kit.AfterCommit;

/**
 * Starts the CRM lookup of a new call's caller once the call is committed ({@link AfterCommit}),
 * on another thread ({@link ScreenPopWorker}), so routing and the agent's alert never wait for the
 * CRM.
 */
@ApplicationScoped
public class AfterCommitScreenPopTrigger implements ScreenPopTrigger {

    @Inject
    AfterCommit afterCommit;

    @Inject
    CrmSettings settings;

    @Inject
    ScreenPopWorker worker;

    @Override
    public void lookUpSoon(String callId, String customerNumber) {
        if (settings.baseUri().isPresent()) {
            afterCommit.run(() -> worker.lookUpLater(callId, customerNumber));
        }
    }
}
