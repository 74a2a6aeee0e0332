package org.calldesk.interfaces.web.console;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.calldesk.application.CallControlService;
import org.calldesk.interfaces.web.Caller;

/**
 * The call controls while talking: Hold / Retrieve, Hang up, Disconnect (asked first: it plays
 * the warning announcement), and Transfer (the box to find a colleague, then Transfer connect
 * or Cancel transfer).
 */
@Named("callControls")
@ViewScoped
public class CallControls implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ACTIONS = "cti:callActions";

    private final CallControlService control;
    private final Caller caller;
    private final CtiState state;
    private final CtiSync sync;
    private final TransferSearch transfer;
    private boolean disconnectAsked;

    @Inject
    public CallControls(CallControlService control, Caller caller, CtiState state, CtiSync sync,
                        TransferSearch transfer) {
        this.control = control;
        this.caller = caller;
        this.state = state;
        this.sync = sync;
        this.transfer = transfer;
    }

    /** For the container's proxy only. */
    protected CallControls() {
        this(null, null, null, null, null);
    }

    public boolean isDisconnectAsked() {
        return disconnectAsked;
    }

    public void hold() {
        sync.act(ACTIONS, () -> control.hold(caller.actor(), state.currentCallId()));
    }

    public void retrieve() {
        sync.act(ACTIONS, () -> control.retrieve(caller.actor(), state.currentCallId()));
    }

    public void hangUp() {
        sync.act(ACTIONS, () -> control.hangUp(caller.actor(), state.currentCallId()));
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
        sync.act(ACTIONS, () -> control.disconnect(caller.actor(), state.currentCallId()));
    }

    public void openTransfer() {
        disconnectAsked = false;
        transfer.open();
    }

    public void closeTransfer() {
        transfer.close();
    }

    public void transferConnect() {
        if (sync.act(ACTIONS, () -> control.transferConnect(caller.actor(), state.currentCallId()))) {
            transfer.close();
        }
    }

    public void transferCancel() {
        sync.act(ACTIONS, () -> control.transferCancel(caller.actor(), state.currentCallId()));
    }

    /** The Disconnect question is for a call the agent is on. */
    void follow(@Observes(notifyObserver = Reception.IF_EXISTS) CtiStatusSeen seen) {
        if (!seen.onCall()) {
            disconnectAsked = false;
        }
    }
}
