package org.calldesk.it;

import static org.calldesk.testsupport.SurroundingsExtension.surroundings;

import java.io.File;
import java.net.URL;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.pbxsim.PbxSimulator;
import org.calldesk.testsupport.Surroundings;
import org.calldesk.testsupport.SurroundingsExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application's {@link Surroundings} (the Artemis broker and the PBX simulator) on the
 * loopback ports the test configuration names, and what the tests reach of them.
 */
public final class TestInfrastructure extends SurroundingsExtension {

    @Override
    protected Surroundings.Ports ports() {
        return new Surroundings.Ports(Integer.getInteger("it.broker.port", 61616), Integer.getInteger("it.ami.port", 15038),
                Integer.getInteger("it.pbx.control.port", 18088), 0);
    }

    /** The application as the test classes deploy it: the WAR the build put under {@code it.runtime}. */
    public static WebArchive calldeskWar() {
        File war = new File(System.getProperty("it.runtime", "target/runtime"), "calldesk.war");
        return ShrinkWrap.create(ZipImporter.class, "calldesk.war").importFrom(war).as(WebArchive.class);
    }

    /** The PBX the application is connected to, to script phones and customers. */
    public static PbxSimulator pbx() {
        return surroundings().pbx();
    }

    /** See {@link Surroundings#assertPbxAndApplicationAgree}. */
    public static void assertPbxAndApplicationAgree(URL base) {
        Surroundings.assertPbxAndApplicationAgree(pbx()::channels, base);
    }

    public static String brokerUrl() {
        return surroundings().broker().url();
    }

    /** The broker itself, to look at its queues. */
    public static EmbeddedBroker broker() {
        return surroundings().broker();
    }
}
