package org.calldesk.infrastructure.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.integration.CustomerDirectory;
import org.calldesk.domain.model.customer.Customer;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The screen pop's lookup in the CRM, guarded by MicroProfile Fault Tolerance: an answer within
 * the timeout or none, "no customer found" for every failure, and a circuit breaker that stops
 * asking a CRM that keeps failing for a while. Each limit is configurable the MicroProfile way,
 * e.g. {@code org.calldesk.infrastructure.crm.CrmCustomerDirectory/findByPhone/Timeout/value=800}.
 */
@ApplicationScoped
public class CrmCustomerDirectory implements CustomerDirectory {

    private static final Logger LOG = Logger.getLogger(CrmCustomerDirectory.class.getName());

    @Inject
    CrmClients crm;

    @Override
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000, successThreshold = 1)
    @Fallback(fallbackMethod = "noCustomer")
    public Optional<Customer> findByPhone(String phoneNumber) {
        Optional<CrmApi> api = crm.api();
        if (api.isEmpty() || phoneNumber == null || phoneNumber.isBlank()) {
            return Optional.empty();
        }
        JsonArray found = api.get().customersByPhone(phoneNumber, crm.authorization());
        return found.stream()
                .filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .filter(json -> json.containsKey("id") && json.containsKey("name"))
                .findFirst()
                .map(CrmCustomerDirectory::customer);
    }

    /** The CRM did not answer in time, failed, or its breaker is open: the call goes on without a screen pop. */
    Optional<Customer> noCustomer(String phoneNumber) {
        LOG.log(Level.FINE, "CRM lookup of {0} gave no answer in time", phoneNumber);
        return Optional.empty();
    }

    static Customer customer(JsonObject json) {
        return new Customer(text(json, "id"), text(json, "name"), text(json, "company"), text(json, "url"));
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? json.getString(name) : value.toString();
    }
}
