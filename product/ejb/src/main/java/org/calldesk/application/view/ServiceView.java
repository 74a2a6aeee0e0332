package org.calldesk.application.view;

import java.time.Duration;
import java.util.Set;
import org.calldesk.domain.model.service.Service;

/** A service with its dialled and sending numbers as it was when read. */
public record ServiceView(String id, String name, String announcement, Duration offerTimeout, boolean callEnabled,
                          Set<String> dialledNumbers, Set<String> sendingNumbers) {

    /** The offer timeout of a new service unless the admin gives another. */
    public static final Duration DEFAULT_OFFER_TIMEOUT = Service.DEFAULT_OFFER_TIMEOUT;

    public ServiceView {
        dialledNumbers = ReadModels.copy(dialledNumbers);
        sendingNumbers = ReadModels.copy(sendingNumbers);
    }

    public static ServiceView of(Service service) {
        return new ServiceView(service.id(), service.name(), service.announcement(), service.offerTimeout(),
                service.callEnabled(), service.dialledNumbers(), service.sendingNumbers());
    }
}
