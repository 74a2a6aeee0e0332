package org.calldesk.infrastructure.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.contract.json.WireJson;

/** Pushes a ticket change to the CRM's {@code POST /ticket-events} with its idempotency key. */
@ApplicationScoped
public class RestTicketPush implements TicketPush {

    private static final Logger LOG = Logger.getLogger(RestTicketPush.class.getName());

    @Inject
    CrmClients crm;

    @Override
    public Result push(String idempotencyKey, String ticketEventJson) {
        Optional<CrmApi> api = crm.api();
        if (api.isEmpty()) {
            return new Result(Kind.UNAVAILABLE, "no CRM configured");
        }
        try (Response response = api.get().ticketChanged(idempotencyKey, crm.authorization(),
                WireJson.PROVIDER.createReader(new StringReader(ticketEventJson)).readObject())) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            Result result = Result.ofStatus(response.getStatus(), body);
            if (result.kind() == Kind.REFUSED) {
                LOG.log(Level.WARNING, "The CRM refused ticket change {0} for good: {1}",
                        new Object[] {idempotencyKey, result.detail()});
            }
            return result;
        } catch (RuntimeException e) {
            return new Result(Kind.UNAVAILABLE, e.toString());
        }
    }
}
