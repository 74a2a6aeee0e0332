package org.calldesk.interfaces.web.console;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calldesk.application.CallControlService.DialRequest;
import org.calldesk.application.CallControlService;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.view.CallView;
import org.calldesk.application.view.ServiceView;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;

/**
 * The Dial up dialog: offered between calls, for the agent's services with the call function
 * on; a refused dial is shown beside the field to fix. It closes itself once the agent is no
 * longer between calls.
 */
@Named("dialUp")
@ViewScoped
public class DialUp implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String DIALOG = "dial";

    private final CallControlService control;
    private final Caller caller;
    private final CtiState state;
    private final CtiSync sync;
    private final DialForm dial = new DialForm();

    @Inject
    public DialUp(CallControlService control, Caller caller, CtiState state, CtiSync sync) {
        this.control = control;
        this.caller = caller;
        this.state = state;
        this.sync = sync;
    }

    /** For the container's proxy only. */
    protected DialUp() {
        this(null, null, null, null);
    }

    public DialForm getDial() {
        return dial;
    }

    /** The services this agent may dial up for: their own, with the call function on. */
    public List<ServiceView> getDialServices() {
        return state.getDialServices();
    }

    /** The sending numbers of the service chosen in the dialog (Send No Management). */
    public Collection<String> getSendingNumbers() {
        return state.sendingNumbers(dial.getServiceId());
    }

    public void openDial() {
        if (!state.isBetweenCalls()) {
            Feedback.error("cti:actions", Messages.text("dial.onlyBetweenCalls"));
            return;
        }
        dial.open(getDialServices().stream().map(ServiceView::id).collect(Collectors.toList()));
        serviceChosenForDial();
        Pages.render(DIALOG);
    }

    public void closeDial() {
        dial.setOpen(false);
        Pages.render(DIALOG);
    }

    public void serviceChosenForDial() {
        Collection<String> numbers = getSendingNumbers();
        if (dial.getSendingNumber() == null || !numbers.contains(dial.getSendingNumber())) {
            dial.setSendingNumber(numbers.isEmpty() ? null : numbers.iterator().next());
        }
    }

    public void placeDial() {
        DialRequest request = new DialRequest(caller.getLoginId(), dial.getServiceId(),
                Pages.trim(dial.getCustomerNumber()), dial.getSendingNumber());
        Optional<CallView> placed = Feedback.attempt("dial:dialMessage", () -> control.dial(caller.actor(), request),
                DialUp::fieldFor);
        Pages.render(DIALOG);
        if (placed.isPresent()) {
            dial.setOpen(false);
            dial.setCustomerNumber(null);
            sync.refresh();
        }
    }

    /** Dial up is only between calls: the dialog goes once the agent is dialing, alerted or on a call. */
    void follow(@Observes(notifyObserver = Reception.IF_EXISTS) CtiStatusSeen seen) {
        if (!seen.status().isChoosable() && dial.isOpen()) {
            dial.setOpen(false);
            Pages.render(DIALOG);
        }
    }

    /** Where a refusal is shown: beside the field that needs fixing, or at the dialog's foot. */
    static String fieldFor(RequestRefused refused) {
        switch (refused.refusal()) {
            case BAD_CUSTOMER_NUMBER:
                return "dial:customerNumber";
            case UNKNOWN_SENDING_NUMBER:
                return "dial:sendingNumber";
            case NOT_IN_SERVICE:
            case CALLS_DISABLED:
            case UNKNOWN_SERVICE:
                return "dial:service";
            default:
                return "dial:dialMessage";
        }
    }
}
