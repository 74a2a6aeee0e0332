package org.calldesk.domain.model.service;

import java.util.List;
import java.util.Optional;

/** Where services are kept. */
public interface ServiceRepository {

    Optional<Service> find(String id);

    /** The service a customer reaches by dialling this number. */
    Optional<Service> findByDialledNumber(String number);

    List<Service> all();

    void store(Service service);
}
