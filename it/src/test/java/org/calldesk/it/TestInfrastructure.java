package org.calldesk.it;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.testsupport.Surroundings;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application's {@link Surroundings} (the Artemis broker and the PBX simulator), started once
 * for the whole test run before Arquillian starts the server, on the loopback ports the test
 * configuration names, from empty data. They stop when the test JVM ends (the root store closes
 * this resource), after the server.
 */
public final class TestInfrastructure implements BeforeAllCallback, AutoCloseable {

    private static Surroundings surroundings;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (surroundings != null) {
            return;
        }
        surroundings = Surroundings.start(Path.of(System.getProperty("it.data", "target/it-data")),
                new Surroundings.Ports(Integer.getInteger("it.broker.port", 61616),
                        Integer.getInteger("it.ami.port", 15038), Integer.getInteger("it.pbx.control.port", 18088), 0));
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(TestInfrastructure.class.getName(), this);
    }

    /** The application as the test classes deploy it: the WAR the build put under {@code it.runtime}. */
    public static WebArchive calldeskWar() {
        File war = new File(System.getProperty("it.runtime", "target/runtime"), "calldesk.war");
        return ShrinkWrap.create(ZipImporter.class, "calldesk.war").importFrom(war).as(WebArchive.class);
    }

    /** The PBX the application is connected to, to script phones and customers. */
    public static PbxSimulator pbx() {
        return surroundings.pbx();
    }

    /** See {@link Surroundings#assertPbxAndApplicationAgree}. */
    public static void assertPbxAndApplicationAgree(URL base) {
        Surroundings.assertPbxAndApplicationAgree(surroundings.pbx()::channels, base);
    }

    public static String brokerUrl() {
        return surroundings.broker().url();
    }

    /** The broker itself, to look at its queues. */
    public static EmbeddedBroker broker() {
        return surroundings.broker();
    }

    @Override
    public synchronized void close() throws Exception {
        surroundings.close();
    }
}
