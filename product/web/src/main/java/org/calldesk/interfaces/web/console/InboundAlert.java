package org.calldesk.interfaces.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.calldesk.application.CallControlService;
import org.calldesk.application.view.CallView;
import org.calldesk.interfaces.web.Caller;

/** The inbound alert: the time left to answer the offer, Confirm (take the call) or Cancel. */
@Named("alert")
@RequestScoped
public class InboundAlert {

    private static final String MESSAGE = "dialogs:alertMessage";

    private final CallControlService control;
    private final Caller caller;
    private final CtiState state;
    private final CtiSync sync;

    @Inject
    public InboundAlert(CallControlService control, Caller caller, CtiState state, CtiSync sync) {
        this.control = control;
        this.caller = caller;
        this.state = state;
        this.sync = sync;
    }

    /** For the container's proxy only. */
    protected InboundAlert() {
        this(null, null, null, null);
    }

    public long getOfferSecondsLeft() {
        return Optional.ofNullable(state.getCall()).flatMap(CallView::offerExpiresAt)
                .map(at -> Math.max(0, Duration.between(Instant.now(), at).getSeconds())).orElse(0L);
    }

    public void confirm() {
        String callId = sync.alertedCallId();
        sync.actInDialog(MESSAGE, state::isAlerting, () -> control.confirm(caller.actor(), callId));
    }

    public void cancel() {
        String callId = sync.alertedCallId();
        sync.actInDialog(MESSAGE, state::isAlerting, () -> control.cancel(caller.actor(), callId));
    }
}
