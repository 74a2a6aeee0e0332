package org.calldesk.infrastructure.health;

/**
 * What an operator changes when the database or the broker cannot be reached, in the words of
 * both deployments: Payara Micro, whose resources come from CallDesk's own settings, and the EAR
 * on a full server, whose database and broker are the server's own. Said by {@code /health} and
 * by the log.
 */
public final class SettingsToFix {

    public static final String DATABASE = "check the data source: on Payara Micro calldesk.datasource.url, "
            + "calldesk.datasource.user, calldesk.datasource.password; for the EAR the server's default data source "
            + "(java:comp/DefaultDataSource: the connection pool of jdbc/__default on Payara Server and GlassFish, "
            + "the datasource of the ee subsystem's default-bindings on WildFly)";

    public static final String BROKER = "check the broker: on Payara Micro the address of the calldesk-artemis "
            + "resource adapter (ConnectionParameters; calldesk.broker.url of the launcher) and calldesk.broker.user, "
            + "calldesk.broker.password; for the EAR the server's JMS provider behind its default JMS connection factory "
            + "(java:comp/DefaultJMSConnectionFactory: the jms-service and its default_JMS_host on Payara Server and "
            + "GlassFish, the messaging-activemq subsystem's default server on WildFly)";

    private SettingsToFix() {
    }
}
