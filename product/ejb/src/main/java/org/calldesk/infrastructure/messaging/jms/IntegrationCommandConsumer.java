package org.calldesk.infrastructure.messaging.jms;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import org.calldesk.application.integration.IntegrationAccessService.IntegrationCall;
import org.calldesk.application.integration.IntegrationAccessService;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;

/**
 * Carries out the commands external systems put on the command queue and answers each one, on
 * its {@code JMSReplyTo} or else on {@value JmsResources#COMMAND_REPLY_QUEUE_NAME}, with
 * {@code JMSCorrelationID} = the command's correlation id, or its message id when it has none.
 * A malformed command also goes, as it came, to {@value JmsResources#COMMAND_DEAD_LETTER_QUEUE_NAME}
 * with the reason in the {@code reason} property: kept, and never retried.
 *
 * <p>No transaction around the whole: each command runs in the service's own transaction, so a
 * refusal (which rolls that back) still gets its reply. Should the application stop between a
 * command's effect and its acknowledgement, the command is delivered again (at least once).
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntegrationCommandConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(IntegrationCommandConsumer.class.getName());
    /** The user the broker authenticated the sender as (Artemis, with populate-validated-user). */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    @Inject
    IntegrationCommandHandler handler;

    @Inject
    JmsSender sender;

    @Inject
    IntegrationAccessService access;

    @Override
    public void onMessage(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : null;
            IntegrationCommandHandler.Outcome outcome = body == null
                    ? IntegrationCommandHandler.malformed(null, "a command is a JMS text message")
                    : handler.handle(body);
            String correlationId = message.getJMSCorrelationID() != null ? message.getJMSCorrelationID()
                    : message.getJMSMessageID();
            if (outcome.status() == IntegrationCommandHandler.Status.MALFORMED) {
                LOG.warning(() -> "malformed command " + correlationId + " to the dead-letter queue: " + outcome.reason());
                sender.toQueue(JmsResources.COMMAND_DEAD_LETTER_QUEUE_NAME, body == null ? "" : body,
                        Map.of("reason", outcome.reason(), "originalMessageId", String.valueOf(message.getJMSMessageID())));
            }
            audit(message, outcome, correlationId);
            Map<String, String> properties = Map.of("status", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
            Destination replyTo = message.getJMSReplyTo();
            if (replyTo != null) {
                sender.reply(replyTo, outcome.reply().toString(), correlationId, properties);
            } else {
                sender.reply(JmsResources.COMMAND_REPLY_QUEUE_NAME, outcome.reply().toString(), correlationId, properties);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the command's headers", e);
        }
    }

    /**
     * Who sent it (the broker user, where the broker authenticates clients and names them), the
     * command and its correlation id, and how it went: 200 done, 409 refused, 400 malformed.
     * A failure to audit is logged and does not stop the reply.
     */
    private void audit(Message message, IntegrationCommandHandler.Outcome outcome, String correlationId) {
        try {
            String user = message.getStringProperty(VALIDATED_USER) != null
                    ? message.getStringProperty(VALIDATED_USER) : message.getStringProperty("JMSXUserID");
            String command = outcome.reply().getString("command", "malformed");
            int code = switch (outcome.status()) {
                case OK -> 200;
                case REFUSED -> 409;
                case MALFORMED -> 400;
            };
            access.audit(new IntegrationCall(Instant.now(), null, null,
                    user == null ? IntegrationCommandHandler.INTEGRATION : "broker:" + user,
                    IntegrationAuditEntry.Channel.JMS, command,
                    JmsResources.COMMAND_QUEUE_NAME + " " + correlationId, code, null));
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "command " + correlationId + " not audited: " + e);
        }
    }
}
