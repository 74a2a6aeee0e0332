package org.calldesk.infrastructure.crm;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The CRM's side of the integration, as a MicroProfile REST Client. A CRM that wants the screen
 * pop and the ticket push offers these two endpoints (the demo CRM does); docs/integration.md,
 * "Integration guide", describes them. No {@code @Path} on the interface, so the application's
 * own JAX-RS scan does not take it for a resource.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface CrmApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The customers with this phone number, best match first; an empty array when none. */
    @GET
    @Path("customers")
    JsonArray customersByPhone(@QueryParam("phone") String phone, @HeaderParam("Authorization") String authorization);

    /**
     * One change of a ticket, as the event on the events topic. The CRM treats a key it has seen
     * as done (answers 2xx again), so a retried push changes nothing twice.
     */
    @POST
    @Path("ticket-events")
    @Consumes(MediaType.APPLICATION_JSON)
    Response ticketChanged(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @HeaderParam("Authorization") String authorization, JsonObject event);
}
