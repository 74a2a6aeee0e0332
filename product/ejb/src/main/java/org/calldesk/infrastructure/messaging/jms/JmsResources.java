package org.calldesk.infrastructure.messaging.jms;

/**
 * The portable names of the application's JMS resources. Each packaging declares them once in
 * its own descriptor (the EAR with the server's JMS provider, the Payara Micro WAR with the
 * Artemis adapter); the code only looks them up.
 */
public final class JmsResources {

    public static final String CONNECTION_FACTORY = "java:app/jms/ContactCenterConnectionFactory";
    public static final String PBX_EVENT_QUEUE = "java:app/jms/PbxEventQueue";
    public static final String EVENT_TOPIC = "java:app/jms/ContactCenterEventTopic";
    public static final String COMMAND_QUEUE = "java:app/jms/IntegrationCommandQueue";

    /** Broker-level names of the destinations, for external clients and adapters without JNDI. */
    public static final String PBX_EVENT_QUEUE_NAME = "PbxEventQueue";
    public static final String EVENT_TOPIC_NAME = "ContactCenterEventTopic";
    /** Commands of external systems (click-to-dial, ticket changes); see docs/integration.md. */
    public static final String COMMAND_QUEUE_NAME = "IntegrationCommandQueue";
    /** Where replies go when a command names no JMSReplyTo. */
    public static final String COMMAND_REPLY_QUEUE_NAME = "IntegrationCommandReplyQueue";
    /** Malformed commands, with the reason in the {@code reason} property. */
    public static final String COMMAND_DEAD_LETTER_QUEUE_NAME = "IntegrationCommandDLQ";

    private JmsResources() {
    }
}
