package org.calldesk.contract.resource;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A CTI agent with their status, as REST answers it and as an {@code agent.*} event carries it. Null is absent. */
@Schema(name = "Agent", description = "A CTI agent and their status; absent fields are left out")
public record AgentBody(
        @Schema(required = true, description = "the account's login id") String id,
        @Schema(required = true) String name,
        @Schema(required = true) String agentNumber,
        @Schema(required = true, description = "the agent's phone on the PBX") String device,
        @Schema(required = true, description = "AGENT or ADMIN") String role,
        @Schema(required = true) Set<String> serviceIds,
        @Schema(required = true, description = "LOGGED_OUT, REST, READY, BUSINESS, ALERTING, DIALING, TALKING, "
                + "HOLDING or AFTER_CALL") String status,
        @Schema(type = SchemaType.STRING, format = "date-time", required = true) Instant statusSince,
        @Schema(required = true) long secondsInStatus,
        @Schema(required = true, description = "grows with every change of this agent") long sequence,
        @Schema(description = "with BUSINESS: EDUCATION, REPORT, MEETING, TICKET, CHAT or MONITOR")
        String businessReason,
        String callId) implements JsonBody {

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("id", id)
                .add("name", name)
                .add("agentNumber", agentNumber)
                .add("device", device)
                .add("role", role)
                .add("serviceIds", serviceIds)
                .add("status", status)
                .add("statusSince", statusSince)
                .add("secondsInStatus", secondsInStatus)
                .add("sequence", sequence)
                .add("businessReason", businessReason)
                .add("callId", callId)
                .build();
    }
}
