package org.calldesk.pbxsim;

import org.asteriskjava.manager.event.UserEvent;

/** The {@code UserEvent: CallDeskWaiting} of the inbound context, as asterisk-java needs it registered. */
public class CallDeskWaitingEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String service;

    public CallDeskWaitingEvent(Object source) {
        super(source);
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }
}
