package org.calldesk.bench;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The simulator's call-arrival event ({@code UserEvent: CallDeskWaiting}), which asterisk-java
 * delivers only through a registered class named after it, as the resource adapter registers it.
 */
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
