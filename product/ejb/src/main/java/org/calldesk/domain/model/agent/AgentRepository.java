package org.calldesk.domain.model.agent;

import java.util.List;
import java.util.Optional;

/** Where CTI agents and their status history are kept. */
public interface AgentRepository {

    /** @param id the agent's login id */
    Optional<Agent> find(String id);

    Optional<Agent> findByAgentNumber(String agentNumber);

    Optional<Agent> findByDevice(String device);

    List<Agent> all();

    /** Agents whose name, login id or agent number contains {@code text} (case-insensitive). */
    List<Agent> search(String text, int max);

    /** The Ready agents of a service, the longest idle (Ready the longest) first. */
    List<Agent> readyFor(String serviceId, int max);

    void store(Agent agent);

    /** Append the agent's status changes to its history. */
    void recordHistory(List<AgentStatusChange> changes);

    /** The agent's status history, most recent first. */
    List<AgentStatusChange> history(String agentId, int max);
}
