package org.calldesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.calldesk.application.CallEventService;
import org.calldesk.application.ContactCenterEvents;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.domain.model.call.Call;
import org.calldesk.domain.model.call.CallRepository;

@Stateless
public class DefaultCallEventService implements CallEventService {

    private static final Logger LOG = Logger.getLogger(DefaultCallEventService.class.getName());

    @Inject
    CallRepository calls;

    @Inject
    ContactCenterEvents events;

    @Override
    public void handle(CallEvent event) {
        if (event instanceof CallEvent.CallArrived arrived) {
            callArrived(arrived);
        } else if (event instanceof CallEvent.CallEnded ended) {
            callEnded(ended);
        } else {
            LOG.fine(() -> "not handled yet: " + event);
        }
    }

    private void callArrived(CallEvent.CallArrived arrived) {
        if (calls.findByPbxCallId(arrived.call().value()).isPresent()) {
            return; // reported twice
        }
        Call call = Call.arrived(arrived.call().value(), arrived.callerNumber(), arrived.dialledNumber(), arrived.at());
        calls.store(call);
        events.callChanged(call);
    }

    private void callEnded(CallEvent.CallEnded ended) {
        calls.findByPbxCallId(ended.call().value())
                .filter(call -> call.end(ended.cause().name(), ended.at()))
                .ifPresent(events::callChanged);
    }
}
