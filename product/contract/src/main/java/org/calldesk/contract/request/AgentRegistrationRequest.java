package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import java.util.Set;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account's CTI information (CTI Agent Management); {@code loginId} only when registering. */
@Schema(name = "AgentRegistration", description = "An account's CTI information; loginId when registering")
public record AgentRegistrationRequest(
        @Schema(description = "the account; required by POST /agents, ignored by PUT") String loginId,
        @Schema(required = true) String name,
        @Schema(required = true) String agentNumber,
        @Schema(required = true, description = "the agent's phone on the PBX") String device,
        @Schema(required = true, description = "AGENT or ADMIN") String role,
        Set<String> serviceIds) {

    /** A registration: {@code loginId} is required. */
    public static AgentRegistrationRequest newAgent(JsonObject body) {
        Fields fields = Fields.of(body);
        String loginId = fields.text("loginId");
        return read(loginId, fields);
    }

    /** A change of an agent's information, whose login id is in the path. */
    public static AgentRegistrationRequest change(JsonObject body) {
        return read(null, Fields.of(body));
    }

    private static AgentRegistrationRequest read(String loginId, Fields fields) {
        return new AgentRegistrationRequest(loginId, fields.text("name"), fields.text("agentNumber"),
                fields.text("device"), fields.text("role"), fields.texts("serviceIds"));
    }
}
