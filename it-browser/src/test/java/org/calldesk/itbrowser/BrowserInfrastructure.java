package org.calldesk.itbrowser;

import static org.calldesk.testsupport.Surroundings.port;

import java.nio.file.Path;
import org.calldesk.testsupport.Surroundings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application's {@link Surroundings} (the Artemis broker, the PBX simulator and the demo CRM
 * for the screen pop), started once for the whole run before Arquillian starts the server, on the
 * free loopback ports the build reserved, from empty data. They stop at the end of the run (the
 * root store closes this resource), after the server.
 */
public final class BrowserInfrastructure implements BeforeAllCallback, AutoCloseable {

    private static Surroundings surroundings;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (surroundings != null) {
            return;
        }
        surroundings = Surroundings.start(Path.of(System.getProperty("it.data", "target/it-data")),
                new Surroundings.Ports(port("it.broker.port"), port("it.ami.port"), port("it.pbx.control.port"),
                        port("it.crm.port")));
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(BrowserInfrastructure.class.getName(), this);
    }

    @Override
    public synchronized void close() throws Exception {
        if (surroundings != null) {
            surroundings.close();
        }
    }

    /** The PBX simulator's control API. */
    static SimulatorClient simulator() {
        return new SimulatorClient("http://127.0.0.1:" + port("it.pbx.control.port"));
    }
}
