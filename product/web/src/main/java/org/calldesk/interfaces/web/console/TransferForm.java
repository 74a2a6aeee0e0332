package org.calldesk.interfaces.web.console;

import java.io.Serializable;
import java.util.List;
import org.calldesk.application.view.AgentView;
import org.calldesk.domain.model.agent.AgentStatus;

/** Transfer on the CTI screen: the agent number or name searched, and the agents found. */
public class TransferForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An agent found by the search, as the transfer list shows them. */
    public record Target(String id, String name, String agentNumber, AgentStatus status) implements Serializable {

        static Target of(AgentView agent) {
            return new Target(agent.id(), agent.name(), agent.agentNumber(), agent.status());
        }

        /** Only a Ready agent can be rung for a transfer try. */
        public boolean isReady() {
            return status == AgentStatus.READY;
        }
    }

    private boolean open;
    private String query;
    private List<Target> results = List.of();

    void open() {
        open = true;
    }

    void close() {
        open = false;
        query = null;
        results = List.of();
    }

    public boolean isOpen() {
        return open;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<Target> getResults() {
        return results;
    }

    void setResults(List<Target> results) {
        this.results = List.copyOf(results);
    }
}
