package org.calldesk.infrastructure.messaging.jms;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.calldesk.application.FollowedEvents;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallEventListener;
import org.calldesk.infrastructure.pbx.PbxTranslation;
import org.calldesk.infrastructure.pbx.ReconcilerScheduler;

/**
 * Receives the PBX's events from the resource adapter and puts each on the durable PBX events
 * queue, one message group per call, before the adapter is told it was taken. From there on
 * nothing the PBX said is lost if the application is busy or restarts. Events of kinds the
 * contact center does not follow ({@link FollowedEvents#follows}) are not queued. The queue keeps
 * the connector's event as it came ({@link CallEventJson}); its consumer translates it.
 *
 * <p>Several nodes connected to one PBX each receive every event: the adapter's event id goes
 * with the message as the broker's duplicate-detection id, so the queue keeps the first copy and
 * drops the others. What is queued and not yet applied is told to {@link PbxEventsOnTheWay}, so
 * that routing and the reconciler do not act on rows that lag behind the queue. No transaction: the send is persistent and synchronous on its own, and a copy
 * the broker drops must not roll anything back.
 *
 * <p>Which adapter drives it is said by each server's descriptor, not here.
 */
@MessageDriven(messageListenerInterface = CallEventListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PbxCallEventConsumer implements CallEventListener {

    @Inject
    JmsSender sender;

    @Inject
    ReconcilerScheduler reconciler;

    @Inject
    PbxEventsOnTheWay onTheWay;

    @Override
    public void onCallEvent(CallEvent event, String eventId) {
        if (!FollowedEvents.follows(PbxTranslation.report(event))) {
            return; // nothing would change: not worth a message and a transaction
        }
        // before the send, as a consumer may apply it before the send returns; and kept if the send
        // fails: the adapter delivers it again, and meanwhile later events of other calls may go
        EventsOnTheWay.queued(onTheWay, event, eventId);
        sender.toPbxEventQueue(CallEventJson.write(event), CallEventJson.group(event), eventId);
        EventsOnTheWay.sent(onTheWay, event, eventId);
        if (event instanceof CallEvent.PbxCallsListed) {
            reconciler.soon(); // the adapter (re)logged in
        }
    }
}
