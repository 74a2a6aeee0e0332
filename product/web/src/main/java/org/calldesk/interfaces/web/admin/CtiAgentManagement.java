package org.calldesk.interfaces.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.calldesk.application.CtiManagementService.AgentRegistration;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.ServiceView;
import org.calldesk.domain.model.agent.AgentRole;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;
import org.calldesk.interfaces.web.PerRequest;

/**
 * CTI Agent Management: the CTI information of each account (name, agent number, phone, role,
 * services), which an agent needs to log in to CTI; and what every agent is doing now.
 */
@Named("agentAdmin")
@ViewScoped
public class CtiAgentManagement implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CtiManagementService cti;

    @Inject
    Caller caller;

    private final PerRequest<List<AgentView>> agents = new PerRequest<>(() -> cti.agents(null));
    private final PerRequest<List<ServiceView>> services = new PerRequest<>(() -> cti.services());

    private boolean editing;
    private boolean creating;
    private String loginId;
    private String name;
    private String agentNumber;
    private String device;
    private AgentRole role = AgentRole.AGENT;
    private List<String> serviceIds = new ArrayList<>();

    public List<AgentView> getAgents() {
        return agents.get();
    }

    public List<ServiceView> getServices() {
        return services.get();
    }

    public AgentRole[] getRoles() {
        return AgentRole.values();
    }

    public void startNew() {
        editing = true;
        creating = true;
        loginId = null;
        name = null;
        agentNumber = null;
        device = "PJSIP/";
        role = AgentRole.AGENT;
        serviceIds = new ArrayList<>();
    }

    public void edit(String id) {
        AgentView agent = cti.agent(id);
        editing = true;
        creating = false;
        loginId = agent.id();
        name = agent.name();
        agentNumber = agent.agentNumber();
        device = agent.device();
        role = agent.role();
        serviceIds = new ArrayList<>(agent.serviceIds());
    }

    public void cancel() {
        editing = false;
    }

    public void save() {
        if (loginId == null || loginId.isBlank()) {
            Feedback.error("agentForm:loginId", Messages.text("agents.loginMissing"));
            return;
        }
        AgentRegistration registration = new AgentRegistration(name, agentNumber, device, role,
                new LinkedHashSet<>(serviceIds));
        String id = loginId.strip();
        boolean saved = Feedback.attempt("agentForm:formMessage",
                () -> creating ? cti.registerAgent(caller.actor(), id, registration)
                        : cti.changeAgent(caller.actor(), id, registration),
                CtiAgentManagement::fieldFor).isPresent();
        if (saved) {
            Feedback.info("agentForm:formMessage", Messages.text(creating ? "agents.registered" : "agents.saved", id));
            editing = false;
            agents.reset();
        }
    }

    private static String fieldFor(RequestRefused refused) {
        switch (refused.refusal()) {
            case AGENT_EXISTS:
                return "agentForm:loginId";
            case AGENT_NUMBER_TAKEN:
                return "agentForm:agentNumber";
            case DEVICE_TAKEN:
            case AGENT_LOGGED_IN:
                return "agentForm:device";
            case UNKNOWN_SERVICE:
                return "agentForm:services";
            default:
                String message = refused.getMessage();
                if (message.contains("agent number")) {
                    return "agentForm:agentNumber";
                }
                if (message.contains("device")) {
                    return "agentForm:device";
                }
                return "agentForm:formMessage";
        }
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getLoginId() {
        return loginId;
    }

    public void setLoginId(String loginId) {
        this.loginId = loginId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAgentNumber() {
        return agentNumber;
    }

    public void setAgentNumber(String agentNumber) {
        this.agentNumber = agentNumber;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public AgentRole getRole() {
        return role;
    }

    public void setRole(AgentRole role) {
        this.role = role;
    }

    public List<String> getServiceIds() {
        return serviceIds;
    }

    public void setServiceIds(List<String> serviceIds) {
        this.serviceIds = serviceIds == null ? new ArrayList<>() : new ArrayList<>(serviceIds);
    }
}
