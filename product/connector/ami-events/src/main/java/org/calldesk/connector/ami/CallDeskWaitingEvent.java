package org.calldesk.connector.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: CallDeskWaiting}, raised by the waiting context of the dialplan once a
 * customer's call is answered and about to hear music: the moment a call arrives for the contact
 * center. asterisk-java finds the class for a user event by its name ({@code <Name>Event}), so
 * this name is part of the contract; the class is public because asterisk-java instantiates it
 * reflectively. It is in a module of its own so that the simulator's tests and the bench's floor
 * register the very class the adapter registers.
 */
public class CallDeskWaitingEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String service;
    private String linkedid;

    public CallDeskWaitingEvent(Object source) {
        super(source);
    }

    /** The {@code Service:} header: the service number the customer dialled. */
    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    /** The customer channel's {@code Linkedid}: the call's id. */
    public String getLinkedid() {
        return linkedid;
    }

    public void setLinkedid(String linkedid) {
        this.linkedid = linkedid;
    }
}
