package org.calldesk.micro;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The application's resources on Payara Micro, under the same portable names the EAR declares
 * with the server's own providers: JMS through the Artemis adapter ({@code calldesk-artemis.rar}),
 * the PBX through ours ({@code calldesk-pbx.rar}), and the database from MicroProfile Config
 * ({@code calldesk.datasource.*}, which the launcher sets).
 */
@Singleton
@DataSourceDefinition(
        name = "java:app/jdbc/ContactCenterDS",
        className = "${MPCONFIG=calldesk.datasource.class}",
        url = "${MPCONFIG=calldesk.datasource.url}",
        user = "${MPCONFIG=calldesk.datasource.user}",
        password = "${MPCONFIG=calldesk.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@ConnectionFactoryDefinition(
        name = "java:app/jms/ContactCenterConnectionFactory",
        interfaceName = "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory",
        resourceAdapter = "calldesk-artemis",
        transactionSupport = TransactionSupportLevel.XATransaction,
        // the pool signs in with this user (an empty one otherwise, refused by a broker with
        // authentication); defaults in META-INF/microprofile-config.properties
        properties = {"UserName=${MPCONFIG=calldesk.broker.user}", "Password=${MPCONFIG=calldesk.broker.password}"},
        maxPoolSize = 32)
@AdministeredObjectDefinition(
        name = "java:app/jms/PbxEventQueue",
        className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
        interfaceName = "jakarta.jms.Queue",
        resourceAdapter = "calldesk-artemis",
        properties = "Address=PbxEventQueue")
@AdministeredObjectDefinition(
        name = "java:app/jms/ContactCenterEventTopic",
        className = "org.apache.activemq.artemis.jms.client.ActiveMQTopic",
        interfaceName = "jakarta.jms.Topic",
        resourceAdapter = "calldesk-artemis",
        properties = "Address=ContactCenterEventTopic")
@ConnectionFactoryDefinition(
        name = "java:app/eis/PbxConnectionFactory",
        interfaceName = "org.calldesk.connector.api.PbxConnectionFactory",
        resourceAdapter = "calldesk-pbx",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 16)
public class MicroResources {
}
