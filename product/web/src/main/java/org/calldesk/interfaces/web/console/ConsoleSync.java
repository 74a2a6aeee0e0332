package org.calldesk.interfaces.web.console;

import java.util.Optional;
import org.calldesk.application.view.CallView;
import org.calldesk.domain.model.agent.AgentStatus;

/**
 * What the CTI panel found after a change or a push, for the page around it to follow: an
 * inbound call just alerting (the screen switches to that service's ticket screen), a call's
 * ticket to open (after Confirm, an answered Dial up, a transfer received, Cancel on the
 * finish-call prompt), or just "something may have changed".
 *
 * @param alertingCall the call this agent is newly alerted with
 * @param ticketToOpen the ticket the screen should now show
 */
public record ConsoleSync(AgentStatus status, Optional<CallView> alertingCall, Optional<String> ticketToOpen) {

    public static ConsoleSync refresh(AgentStatus status) {
        return new ConsoleSync(status, Optional.empty(), Optional.empty());
    }
}
