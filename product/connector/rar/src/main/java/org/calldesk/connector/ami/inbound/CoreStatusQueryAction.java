package org.calldesk.connector.ami.inbound;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * {@code Action: CoreStatus}, answered as a plain {@code ManagerResponse} whose headers are read
 * by name. asterisk-java's own {@code CoreStatusAction} builds a {@code CoreStatusResponse},
 * which has no setter for Asterisk 22's {@code CoreProcessedCalls} and logs a WARNING about it
 * on every login. Public because asterisk-java reads actions reflectively.
 */
public final class CoreStatusQueryAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "CoreStatus";
    }
}
