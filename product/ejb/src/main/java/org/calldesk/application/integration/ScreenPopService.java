package org.calldesk.application.integration;

import org.calldesk.domain.model.customer.Customer;

/** Puts what the CRM said about a caller on the call and its ticket, and publishes the change. */
public interface ScreenPopService {

    /** The CRM knows the caller of call {@code callId}. An unknown call is ignored. */
    void customerIdentified(String callId, Customer customer);
}
