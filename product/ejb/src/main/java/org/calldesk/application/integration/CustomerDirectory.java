package org.calldesk.application.integration;

import java.util.Optional;
import org.calldesk.domain.model.customer.Customer;

/**
 * The CRM's customers, looked up by phone number for the screen pop. A lookup never fails and
 * never takes long: a CRM that is slow, down or not configured answers "no customer found".
 */
public interface CustomerDirectory {

    Optional<Customer> findByPhone(String phoneNumber);
}
