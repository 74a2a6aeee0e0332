package org.calldesk.infrastructure.messaging.jms;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.CallEventService;
import org.calldesk.application.PbxEventsOnTheWay;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.infrastructure.persistence.migration.ApplicationStopping;
import org.calldesk.infrastructure.persistence.migration.DatabaseMigration;
import org.calldesk.infrastructure.persistence.migration.DatabaseWait;
import org.calldesk.infrastructure.pbx.PbxTranslation;

/**
 * Applies the PBX events from the durable queue to the domain, each once by the id the PBX
 * adapter gave it (the broker's duplicate-detection id, see {@link JmsSender#toPbxEventQueue}).
 * The connector's event read from the queue is handed on as the application's report ({@link
 * PbxTranslation#report}).
 *
 * <p>No transaction spans the delivery: the event is applied in a transaction of its own that
 * needs the database alone ({@link CallEventService#handle}), and the message is acknowledged
 * after that committed. A two-phase commit of the broker's and the database's work for every PBX
 * event cost more than everything else the event does. A failure makes the broker deliver the
 * event again; an event applied whose acknowledgement was lost comes again and is recognised by
 * its id (or, without one, changes nothing the second time, as any repeated PBX event). Only a
 * message that can never be read is dropped, with a log entry that shows it.
 *
 * <p>Nothing is applied before the schema is migrated, and a failure because the database is
 * away is not handed back to the broker but waited out in place ({@link DatabaseWait}): the
 * broker would deliver the event again after those behind it, and waiting calls would be recorded
 * and routed out of their order of arrival. The events of all sessions share one line: once the
 * database is back they are applied in the order they came, and not overtaken by newer ones.
 *
 * <p>The wait has no time limit: each failure handed to the broker counts as a delivery attempt,
 * and the full servers' JMS providers dead-letter a PBX event after a few of them (OpenMQ 6,
 * Artemis 10), whatever the cause. Only when the application stops ({@link ApplicationStopping})
 * does a waiting event give up: the delivery fails, the message stays unacknowledged, and the
 * broker delivers it again after the start (OpenMQ is told, by the GlassFish descriptor, to hand
 * such a message back to the broker rather than to its dead-letter queue). While events wait,
 * {@link PbxEventsOnTheWay} is told the database is awaited, so it keeps holding routing back.
 *
 * <p>Once an event is applied, {@link PbxEventsOnTheWay} is told: it is no longer on its way.
 *
 * <p>The queue it listens to is said by each packaging's descriptor.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PbxEventQueueConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PbxEventQueueConsumer.class.getName());

    /** The pauses of the first event in line for the database: a quarter second at first, at most 2 s. */
    static final DatabaseWait.Backoff BACKOFF = DatabaseWait.Backoff.of(Duration.ofMillis(250), Duration.ofSeconds(2));

    /** The events waiting for the database, of all this node's sessions: applied in the order they came once it is back. */
    private static final DatabaseWait.Line WAITING = new DatabaseWait.Line();

    @Inject
    CallEventService callEvents;

    @Inject
    DatabaseMigration database;

    @Inject
    PbxEventsOnTheWay onTheWay;

    /** Whether the application stops; a test's own otherwise. */
    BooleanSupplier stopping = ApplicationStopping::now;

    DatabaseWait.Backoff backoff = BACKOFF;

    DatabaseWait.Line line = WAITING;

    @Override
    public void onMessage(Message message) {
        CallEvent event;
        PbxReport report;
        String eventId;
        try {
            event = CallEventJson.read(message.getBody(String.class));
            report = PbxTranslation.report(event);
            eventId = message.getStringProperty(JmsSender.DUPLICATE_ID);
        } catch (IllegalArgumentException | JMSException e) {
            LOG.log(Level.SEVERE, "dropping an unreadable message from the PBX events queue: {0}", e.getMessage());
            return;
        }
        new DatabaseWait(() -> database.failure().isEmpty(), database::reachable, stopping, backoff, line)
                .run("PBX event " + event, () -> callEvents.handle(report, eventId), onTheWay::databaseAwaited);
        EventsOnTheWay.applied(onTheWay, event, eventId); // committed: the rows say it now
    }
}
