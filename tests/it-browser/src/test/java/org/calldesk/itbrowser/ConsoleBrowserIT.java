package org.calldesk.itbrowser;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ConsoleScenarios} against the real application WAR on Payara Micro, deployed once for
 * all of them, with the Artemis broker and the PBX simulator of {@link BrowserInfrastructure}.
 */
@ExtendWith({BrowserInfrastructure.class, ArquillianExtension.class})
@RunAsClient
class ConsoleBrowserIT extends ConsoleScenarios {

    @Deployment(testable = false)
    static WebArchive application() {
        File war = new File(System.getProperty("it.runtime", "target/runtime"), "calldesk.war");
        return ShrinkWrap.create(ZipImporter.class, "calldesk.war").importFrom(war).as(WebArchive.class);
    }

    @ArquillianResource
    URL base;

    @Override
    URL base() {
        return base;
    }

    @Override
    SimulatorClient simulator() {
        return BrowserInfrastructure.simulator();
    }
}
