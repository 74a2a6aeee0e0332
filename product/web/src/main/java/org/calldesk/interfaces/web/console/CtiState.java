package org.calldesk.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calldesk.application.CallService;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.AgentView;
import org.calldesk.application.view.CallView;
import org.calldesk.application.view.ServiceView;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.PerRequest;

/**
 * What the CTI screen in the upper right of every page shows: the signed-in agent, their status
 * and the time in it, and their call. Read from the services once per request; the actions of
 * the panel ({@link CtiSession}, {@link InboundAlert}, {@link DialUp}, {@link CallControls},
 * {@link FinishPrompt}) change it, and {@link CtiSync#reset()} makes it read again.
 */
@Named("cti")
@ViewScoped
public class CtiState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final CtiManagementService setup;
    private final CallService calls;
    private final Caller caller;

    private final PerRequest<Optional<AgentView>> agent = new PerRequest<>(this::loadAgent);
    private final PerRequest<Optional<CallView>> call = new PerRequest<>(this::loadCall);
    private final PerRequest<Map<String, ServiceView>> services = new PerRequest<>(this::loadServices);
    private final PerRequest<Optional<AgentView>> callAgent =
            new PerRequest<>(() -> call.get().flatMap(CallView::agentId).flatMap(this::findAgent));
    private final PerRequest<Optional<AgentView>> consultAgent =
            new PerRequest<>(() -> call.get().flatMap(CallView::consultAgentId).flatMap(this::findAgent));

    @Inject
    public CtiState(CtiManagementService setup, CallService calls, Caller caller) {
        this.setup = setup;
        this.calls = calls;
        this.caller = caller;
    }

    /** For the container's proxy only. */
    protected CtiState() {
        this(null, null, null);
    }

    public AgentView getAgent() {
        return agent.get().orElse(null);
    }

    /** The call icon and the CTI screen are for agents registered in CTI Agent Management. */
    public boolean isRegistered() {
        return agent.get().isPresent();
    }

    /** The call function: a registered agent of at least one service with calls switched on. */
    public boolean isCallPermitted() {
        return !getDialServices().isEmpty();
    }

    public AgentStatus getStatus() {
        return agent.get().map(AgentView::status).orElse(AgentStatus.LOGGED_OUT);
    }

    public boolean isLoggedIn() {
        return getStatus() != AgentStatus.LOGGED_OUT;
    }

    /** Rest, Ready, Business, Dial up and Logout are offered between calls. */
    public boolean isBetweenCalls() {
        return getStatus().isChoosable();
    }

    public long getSecondsInStatus() {
        return agent.get().map(a -> Math.max(0, a.timeInStatus(Instant.now()).getSeconds())).orElse(0L);
    }

    public CallView getCall() {
        return call.get().orElse(null);
    }

    /** The id of the agent's call, if they have one. */
    Optional<String> callId() {
        return call.get().map(CallView::id);
    }

    /** The id of the agent's call, refused when there is none (the call ended meanwhile). */
    String currentCallId() {
        return callId().orElseThrow(() -> new RequestRefused(RequestRefused.Kind.CONFLICT,
                RefusalCode.NO_CALL, "there is no call right now"));
    }

    /** The ticket of the agent's call, if it has one yet. */
    Optional<String> callTicketId() {
        return call.get().flatMap(CallView::ticketId);
    }

    public ServiceView getCallService() {
        return call.get().flatMap(CallView::serviceId).map(id -> services.get().get(id)).orElse(null);
    }

    /** Every service, by name, for the ticket filter. */
    public List<ServiceView> getServices() {
        return services.get().values().stream().sorted(Comparator.comparing(ServiceView::name))
                .collect(Collectors.toList());
    }

    public String serviceName(String serviceId) {
        ServiceView service = serviceId == null ? null : services.get().get(serviceId);
        return service == null ? Objects.toString(serviceId, "") : service.name();
    }

    /** The sending numbers of a service (Send No Management), none for an unknown one. */
    Collection<String> sendingNumbers(String serviceId) {
        ServiceView service = serviceId == null ? null : services.get().get(serviceId);
        return service == null ? List.of() : service.sendingNumbers();
    }

    /** This agent has the call (not just a transfer try from a colleague). */
    public boolean isCallOwner() {
        return call.get().flatMap(CallView::agentId).map(caller.getLoginId()::equals).orElse(false);
    }

    /** This agent is the target of a colleague's transfer try. */
    public boolean isConsultTarget() {
        return call.get().flatMap(CallView::consultAgentId).map(caller.getLoginId()::equals).orElse(false);
    }

    public boolean isAlerting() {
        return getStatus() == AgentStatus.ALERTING && callStatus().filter(s -> s != CallStatus.CONNECTING).isPresent();
    }

    /** Confirmed: the agent's phone rings, and the call is theirs once they pick it up. */
    public boolean isConnecting() {
        return getStatus() == AgentStatus.ALERTING && callStatus().filter(s -> s == CallStatus.CONNECTING).isPresent();
    }

    public boolean isAfterCall() {
        return getStatus() == AgentStatus.AFTER_CALL;
    }

    /** Talking or holding on a call this agent has: the call controls. */
    public boolean isInCall() {
        return new CtiStatusSeen(getStatus()).onCall() && isCallOwner();
    }

    public boolean isHolding() {
        return callStatus().map(s -> s == CallStatus.HOLDING).orElse(false);
    }

    public boolean isConsulting() {
        return callStatus().map(s -> s == CallStatus.CONSULTING).orElse(false);
    }

    public AgentView getConsultAgent() {
        return consultAgent.get().orElse(null);
    }

    /** Who has the call this agent is consulted about, or who took it over after a transfer. */
    public AgentView getCallAgent() {
        return callAgent.get().orElse(null);
    }

    /** The services this agent may dial up for: their own, with the call function on. */
    public List<ServiceView> getDialServices() {
        return agent.get().map(this::callEnabledServices).orElse(List.of());
    }

    /** Read the agent and their call again on the next question, after something changed. */
    void reset() {
        agent.reset();
        call.reset();
        callAgent.reset();
        consultAgent.reset();
    }

    private Optional<CallStatus> callStatus() {
        return call.get().map(CallView::status);
    }

    private Optional<AgentView> loadAgent() {
        String loginId = caller.getLoginId();
        return loginId == null ? Optional.empty() : findAgent(loginId);
    }

    private Optional<CallView> loadCall() {
        return agent.get().flatMap(AgentView::callId).flatMap(calls::find);
    }

    private Optional<AgentView> findAgent(String id) {
        try {
            return Optional.of(setup.agent(id));
        } catch (RequestRefused unknown) {
            return Optional.empty();
        }
    }

    private Map<String, ServiceView> loadServices() {
        return setup.services().stream().collect(Collectors.toMap(ServiceView::id, Function.identity()));
    }

    private List<ServiceView> callEnabledServices(AgentView a) {
        Map<String, ServiceView> all = services.get();
        return a.serviceIds().stream().map(all::get).filter(Objects::nonNull).filter(ServiceView::callEnabled)
                .collect(Collectors.toList());
    }
}
