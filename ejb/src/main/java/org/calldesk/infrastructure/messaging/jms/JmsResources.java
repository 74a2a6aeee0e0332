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

    /** Broker-level names of the destinations, for external clients and adapters without JNDI. */
    public static final String PBX_EVENT_QUEUE_NAME = "PbxEventQueue";
    public static final String EVENT_TOPIC_NAME = "ContactCenterEventTopic";

    private JmsResources() {
    }
}
