package org.calldesk.infrastructure.crm;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Builds the CRM client and makes one lookup at start-up, in the background, so the first screen
 * pop does not spend its time limit on the HTTP client's own initialisation.
 */
@ApplicationScoped
public class CrmWarmUp {

    @Inject
    CrmClients crm;

    @Resource
    ManagedExecutorService executor;

    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        crm.api().ifPresent(api -> executor.submit(() -> {
            try {
                api.customersByPhone("0", crm.authorization());
            } catch (RuntimeException e) {
                // the CRM may not be up yet; the screen pop copes with that
            }
        }));
    }
}
