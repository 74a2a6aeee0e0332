package org.calldesk.interfaces.web.console;

import jakarta.enterprise.event.Event;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calldesk.application.AgentService;
import org.calldesk.application.CallControlService;
import org.calldesk.application.CallControlService.DialRequest;
import org.calldesk.application.CallService;
import org.calldesk.application.CtiManagementService;
import org.calldesk.application.RequestRefused;
import org.calldesk.domain.model.agent.Agent;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.service.Service;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Labels;
import org.calldesk.interfaces.web.PerRequest;

/**
 * The CTI screen in the upper right of every page: CTI login, the agent's status and the time
 * in it, Rest / Ready / Business / Dial up / Logout, the inbound alert (Confirm, Cancel), the
 * call controls while talking (Transfer, Disconnect, Hold / Retrieve, Hang up) and the
 * finish-call prompt. Every action goes to the application services as the signed-in agent;
 * after it, and after each push, {@link #sync()} tells the page what to show next.
 */
@Named("cti")
@ViewScoped
public class CtiPanel implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CONSOLE_VIEW = "/index.xhtml";

    @Inject
    CtiManagementService setup;

    @Inject
    AgentService agents;

    @Inject
    CallControlService control;

    @Inject
    CallService calls;

    @Inject
    Caller caller;

    @Inject
    Event<ConsoleSync> syncs;

    @Inject
    Labels labels;

    private final PerRequest<Optional<Agent>> agent = new PerRequest<>(this::loadAgent);
    private final PerRequest<Optional<Call>> call = new PerRequest<>(this::loadCall);
    private final PerRequest<Map<String, Service>> services = new PerRequest<>(this::loadServices);
    private final PerRequest<Optional<Agent>> callAgent =
            new PerRequest<>(() -> call.get().flatMap(Call::agentId).flatMap(this::findAgent));
    private final PerRequest<Optional<Agent>> consultAgent =
            new PerRequest<>(() -> call.get().flatMap(Call::consultAgentId).flatMap(this::findAgent));

    private String lastAlertedCallId;
    private String lastOpenedTicketId;

    private final DialForm dial = new DialForm();
    private final TransferForm transfer = new TransferForm();
    private boolean disconnectAsked;

    // ---- what the panel shows

    public Agent getAgent() {
        return agent.get().orElse(null);
    }

    /** The call icon and the CTI screen are for agents registered in CTI Agent Management. */
    public boolean isRegistered() {
        return agent.get().isPresent();
    }

    /** The call function: a registered agent of at least one service with calls switched on. */
    public boolean isCallPermitted() {
        return agent.get().map(a -> !callEnabledServices(a).isEmpty()).orElse(false);
    }

    public AgentStatus getStatus() {
        return agent.get().map(Agent::status).orElse(AgentStatus.LOGGED_OUT);
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

    public Call getCall() {
        return call.get().orElse(null);
    }

    public Service getCallService() {
        return call.get().flatMap(Call::serviceId).map(id -> services.get().get(id)).orElse(null);
    }

    /** Every service, by name, for the ticket filter. */
    public List<Service> getServices() {
        return services.get().values().stream().sorted(java.util.Comparator.comparing(Service::name))
                .collect(Collectors.toList());
    }

    public String serviceName(String serviceId) {
        Service service = serviceId == null ? null : services.get().get(serviceId);
        return service == null ? Objects.toString(serviceId, "") : service.name();
    }

    /** This agent has the call (not just a transfer try from a colleague). */
    public boolean isCallOwner() {
        return call.get().flatMap(Call::agentId).map(caller.getLoginId()::equals).orElse(false);
    }

    /** This agent is the target of a colleague's transfer try. */
    public boolean isConsultTarget() {
        return call.get().flatMap(Call::consultAgentId).map(caller.getLoginId()::equals).orElse(false);
    }

    public boolean isAlerting() {
        return getStatus() == AgentStatus.ALERTING
                && call.get().filter(c -> c.status() != CallStatus.CONNECTING).isPresent();
    }

    /** Confirmed: the agent's phone rings, and the call is theirs once they pick it up. */
    public boolean isConnecting() {
        return getStatus() == AgentStatus.ALERTING
                && call.get().filter(c -> c.status() == CallStatus.CONNECTING).isPresent();
    }

    public boolean isAfterCall() {
        return getStatus() == AgentStatus.AFTER_CALL;
    }

    /** Talking or holding on a call this agent has: the call controls. */
    public boolean isInCall() {
        AgentStatus status = getStatus();
        return (status == AgentStatus.TALKING || status == AgentStatus.HOLDING) && isCallOwner();
    }

    public boolean isHolding() {
        return call.get().map(c -> c.status() == CallStatus.HOLDING).orElse(false);
    }

    public boolean isConsulting() {
        return call.get().map(c -> c.status() == CallStatus.CONSULTING).orElse(false);
    }

    public Agent getConsultAgent() {
        return consultAgent.get().orElse(null);
    }

    /** Who has the call this agent is consulted about, or who took it over after a transfer. */
    public Agent getCallAgent() {
        return callAgent.get().orElse(null);
    }

    public long getOfferSecondsLeft() {
        return call.get().flatMap(Call::offerExpiresAt)
                .map(at -> Math.max(0, Duration.between(Instant.now(), at).getSeconds())).orElse(0L);
    }

    /** The services this agent may dial up for: their own, with the call function on. */
    public List<Service> getDialServices() {
        return agent.get().map(this::callEnabledServices).orElse(List.of());
    }

    public DialForm getDial() {
        return dial;
    }

    public TransferForm getTransfer() {
        return transfer;
    }

    public boolean isDisconnectAsked() {
        return disconnectAsked;
    }

    /** The sending numbers of the service chosen in the Dial up dialog (Send No Management). */
    public Collection<String> getSendingNumbers() {
        Service service = dial.getServiceId() == null ? null : services.get().get(dial.getServiceId());
        return service == null ? List.of() : service.sendingNumbers();
    }

    // ---- CTI login and status

    public void logIn() {
        Feedback.attempt("cti:login", () -> agents.logIn(caller.actor(), caller.getLoginId()), refused -> "cti:login")
                .ifPresentOrElse(a -> sync(), () -> prefixLoginRefusal());
    }

    public void logOut() {
        act("cti:actions", () -> agents.logOut(caller.actor(), caller.getLoginId()));
    }

    public void ready() {
        choose(AgentStatus.READY, null);
    }

    public void rest() {
        choose(AgentStatus.REST, null);
    }

    public void business(BusinessReason reason) {
        choose(AgentStatus.BUSINESS, reason);
    }

    private void choose(AgentStatus status, BusinessReason reason) {
        act("cti:actions", () -> agents.chooseStatus(caller.actor(), caller.getLoginId(), status, reason));
    }

    // ---- inbound alert

    public void confirm() {
        String callId = alertedCallId();
        actInDialog("dialogs:alertMessage", this::isAlerting, () -> control.confirm(caller.actor(), callId));
    }

    public void cancel() {
        String callId = alertedCallId();
        actInDialog("dialogs:alertMessage", this::isAlerting, () -> control.cancel(caller.actor(), callId));
    }

    private String alertedCallId() {
        return call.get().filter(c -> getStatus() == AgentStatus.ALERTING).map(Call::id)
                .orElse(lastAlertedCallId);
    }

    // ---- Dial up

    public void openDial() {
        if (!isBetweenCalls()) {
            Feedback.error("cti:actions", "Dial up is possible in Rest, Ready or Business.");
            return;
        }
        dial.open(getDialServices().stream().map(Service::id).collect(Collectors.toList()));
        serviceChosenForDial();
        render("dial");
    }

    public void closeDial() {
        dial.setOpen(false);
        render("dial");
    }

    public void serviceChosenForDial() {
        Collection<String> numbers = getSendingNumbers();
        if (dial.getSendingNumber() == null || !numbers.contains(dial.getSendingNumber())) {
            dial.setSendingNumber(numbers.isEmpty() ? null : numbers.iterator().next());
        }
    }

    public void placeDial() {
        DialRequest request = new DialRequest(caller.getLoginId(), dial.getServiceId(), trim(dial.getCustomerNumber()),
                dial.getSendingNumber());
        Optional<Call> placed = Feedback.attempt("dial:dialMessage", () -> control.dial(caller.actor(), request),
                CtiPanel::dialFieldFor);
        render("dial");
        if (placed.isPresent()) {
            dial.setOpen(false);
            dial.setCustomerNumber(null);
            reset();
            sync();
        }
    }

    private static String dialFieldFor(RequestRefused refused) {
        switch (refused.code()) {
            case "BAD_CUSTOMER_NUMBER":
                return "dial:customerNumber";
            case "UNKNOWN_SENDING_NUMBER":
                return "dial:sendingNumber";
            case "NOT_IN_SERVICE":
            case "CALLS_DISABLED":
            case "UNKNOWN_SERVICE":
                return "dial:service";
            default:
                return "dial:dialMessage";
        }
    }

    // ---- while talking

    public void hold() {
        act("cti:callActions", () -> control.hold(caller.actor(), currentCallId()));
    }

    public void retrieve() {
        act("cti:callActions", () -> control.retrieve(caller.actor(), currentCallId()));
    }

    public void hangUp() {
        act("cti:callActions", () -> control.hangUp(caller.actor(), currentCallId()));
    }

    public void askDisconnect() {
        disconnectAsked = true;
        transfer.close();
    }

    public void keepTalking() {
        disconnectAsked = false;
    }

    public void disconnect() {
        disconnectAsked = false;
        act("cti:callActions", () -> control.disconnect(caller.actor(), currentCallId()));
    }

    public void openTransfer() {
        disconnectAsked = false;
        transfer.open();
        searchTransferTargets();
    }

    public void closeTransfer() {
        transfer.close();
    }

    /** Transfer: find the target by agent number or name; Ready agents first. */
    public void searchTransferTargets() {
        String me = caller.getLoginId();
        List<Agent> found = Feedback.attempt("cti:transferQuery", () -> setup.agents(trim(transfer.getQuery())),
                refused -> "cti:transferQuery").orElse(List.of());
        transfer.setResults(found.stream().filter(a -> !a.id().equals(me))
                .sorted((a, b) -> Boolean.compare(b.status() == AgentStatus.READY, a.status() == AgentStatus.READY))
                .limit(8)
                .map(TransferForm.Target::of)
                .collect(Collectors.toList()));
    }

    /** Transfer try: the customer waits with music while this agent talks with the target. */
    public void transferTry(String target) {
        String chosen = target != null ? target : trim(transfer.getQuery());
        if (chosen == null) {
            Feedback.error("cti:transferQuery", "Enter the agent number or name of the agent to transfer to.");
            return;
        }
        act("cti:transferQuery", () -> control.transferTry(caller.actor(), currentCallId(), chosen));
    }

    public void transferConnect() {
        if (act("cti:callActions", () -> control.transferConnect(caller.actor(), currentCallId()))) {
            transfer.close();
        }
    }

    public void transferCancel() {
        act("cti:callActions", () -> control.transferCancel(caller.actor(), currentCallId()));
    }

    // ---- the finish-call prompt

    /** Confirm: Ready for the next call. */
    public void finishReady() {
        actInDialog("dialogs:finishMessage", this::isAfterCall,
                () -> agents.finishCall(caller.actor(), caller.getLoginId(), true));
    }

    /** What became of the call, for the finish-call prompt. */
    public String getFinishSummary() {
        Call ended = getCall();
        if (ended == null) {
            return "";
        }
        String what;
        if (ended.status() == CallStatus.ENDED) {
            what = labels.endCause(ended.endCause().orElse(null));
        } else {
            Agent now = getCallAgent();
            what = "Transferred to " + (now == null ? "a colleague" : now.name());
        }
        return ended.customerNumber() + ": " + what + ".";
    }

    /** Cancel: Business: Ticket, with the call's ticket open to process. */
    public void finishToTicket() {
        Optional<String> ticketId = call.get().flatMap(Call::ticketId);
        if (actInDialog("dialogs:finishMessage", this::isAfterCall,
                () -> agents.finishCall(caller.actor(), caller.getLoginId(), false))) {
            ticketId.ifPresent(id -> {
                lastOpenedTicketId = id;
                if (onConsole()) {
                    syncs.fire(new ConsoleSync(getStatus(), Optional.empty(), Optional.of(id)));
                } else {
                    redirectToConsole("ticket=" + id);
                }
            });
        }
    }

    // ---- push

    /**
     * Something changed for this agent (pushed by the server, or the connection came back): read
     * the state again and show it.
     */
    public void refresh() {
        reset();
        sync();
    }

    /**
     * Bring the page in line with the agent's state: the panel and the dialogs always; on a new
     * inbound alert, the service's ticket screen (on another page, the console is opened); once
     * the agent's call has a ticket, that ticket.
     */
    void sync() {
        render("cti");
        render("dialogs");
        Optional<Agent> me = agent.get();
        if (me.isEmpty()) {
            return;
        }
        AgentStatus status = me.get().status();
        if (status != AgentStatus.TALKING && status != AgentStatus.HOLDING) {
            transfer.close();
            disconnectAsked = false;
        }
        if (!status.isChoosable() && dial.isOpen()) {
            dial.setOpen(false);
            render("dial");
        }
        Optional<Call> current = call.get();
        Optional<Call> newAlert = current.filter(c -> status == AgentStatus.ALERTING)
                .filter(c -> !c.id().equals(lastAlertedCallId));
        if (newAlert.isPresent()) {
            lastAlertedCallId = newAlert.get().id();
            if (!onConsole()) {
                redirectToConsole(null);
                return;
            }
        }
        Optional<String> ticket = current.filter(c -> status == AgentStatus.TALKING || status == AgentStatus.HOLDING
                        || status == AgentStatus.AFTER_CALL)
                .flatMap(Call::ticketId).filter(id -> !id.equals(lastOpenedTicketId));
        ticket.ifPresent(id -> lastOpenedTicketId = id);
        syncs.fire(new ConsoleSync(status, newAlert, ticket));
    }

    /**
     * An action of a dialog: a refusal is shown in the dialog, or in the panel when the dialog
     * has gone meanwhile (the caller hung up, the offer timed out).
     */
    private boolean actInDialog(String dialogMessageId, java.util.function.BooleanSupplier dialogStillOpen,
                                Runnable action) {
        boolean done = Feedback.attempt("cti:notice", action);
        reset();
        if (!done && dialogStillOpen.getAsBoolean()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            List<jakarta.faces.application.FacesMessage> messages = List.copyOf(faces.getMessageList("cti:notice"));
            faces.getMessageList("cti:notice").clear();
            messages.forEach(message -> faces.addMessage(dialogMessageId, message));
        }
        sync();
        return done;
    }

    private boolean act(String messageClientId, Runnable action) {
        boolean done = Feedback.attempt(messageClientId, action);
        if (done) {
            reset();
        }
        sync();
        return done;
    }

    private void reset() {
        agent.reset();
        call.reset();
        callAgent.reset();
        consultAgent.reset();
    }

    private void prefixLoginRefusal() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getMessageList("cti:login").forEach(message -> {
            if (!message.getSummary().startsWith("CTI login refused")) {
                message.setSummary("CTI login refused: " + message.getSummary());
            }
        });
        render("cti");
    }

    private String currentCallId() {
        return call.get().map(Call::id).orElseThrow(() -> new RequestRefused(RequestRefused.Kind.CONFLICT,
                "NO_CALL", "there is no call right now"));
    }

    private Optional<Agent> loadAgent() {
        String loginId = caller.getLoginId();
        if (loginId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(setup.agent(loginId));
        } catch (RequestRefused notRegistered) {
            return Optional.empty();
        }
    }

    private Optional<Call> loadCall() {
        return agent.get().flatMap(Agent::callId).flatMap(calls::find);
    }

    private Optional<Agent> findAgent(String id) {
        try {
            return Optional.of(setup.agent(id));
        } catch (RequestRefused unknown) {
            return Optional.empty();
        }
    }

    private Map<String, Service> loadServices() {
        return setup.services().stream().collect(Collectors.toMap(Service::id, Function.identity()));
    }

    private List<Service> callEnabledServices(Agent a) {
        Map<String, Service> all = services.get();
        return a.serviceIds().stream().map(all::get).filter(Objects::nonNull).filter(Service::callEnabled)
                .collect(Collectors.toList());
    }

    static boolean onConsole() {
        return CONSOLE_VIEW.equals(FacesContext.getCurrentInstance().getViewRoot().getViewId());
    }

    private static void redirectToConsole(String query) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + CONSOLE_VIEW + (query == null ? "" : "?" + query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void render(String clientId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getPartialViewContext().isAjaxRequest()) {
            faces.getPartialViewContext().getRenderIds().add(clientId);
        }
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
