package org.calldesk.application.view;

import java.time.Instant;
import java.util.Optional;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallDirection;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.customer.Customer;

/** A call as it was when read: what REST, the consoles and the events show of it. */
public record CallView(String id, String pbxCallId, CallDirection direction, CallStatus status,
                       String customerNumber, Optional<String> serviceNumber, Instant startedAt,
                       Optional<Instant> endedAt, Optional<String> endCause, Optional<String> serviceId,
                       Optional<String> agentId, Optional<String> consultAgentId, Optional<String> sendingNumber,
                       Optional<Instant> offeredAt, Optional<Instant> offerExpiresAt, Optional<Instant> connectedAt,
                       Optional<String> disconnectedBy, Optional<String> ticketId, Optional<Customer> customer,
                       long sequence) {

    public static CallView of(Call call) {
        return new CallView(call.id(), call.pbxCallId(), call.direction(), call.status(), call.customerNumber(),
                call.serviceNumber(), call.startedAt(), call.endedAt(), call.endCause(), call.serviceId(),
                call.agentId(), call.consultAgentId(), call.sendingNumber(), call.offeredAt(), call.offerExpiresAt(),
                call.connectedAt(), call.disconnectedBy(), call.ticketId(), call.customer(), call.sequence());
    }
}
