package org.calldesk.itbrowser;

import static org.calldesk.testsupport.Surroundings.port;

import org.calldesk.testsupport.Surroundings;
import org.calldesk.testsupport.SurroundingsExtension;

/**
 * The application's {@link Surroundings} (the Artemis broker, the PBX simulator and the demo CRM
 * for the screen pop) on the free loopback ports the build reserved.
 */
public final class BrowserInfrastructure extends SurroundingsExtension {

    @Override
    protected Surroundings.Ports ports() {
        return new Surroundings.Ports(port("it.broker.port"), port("it.ami.port"), port("it.pbx.control.port"),
                port("it.crm.port"));
    }

    /** The PBX simulator's control API. */
    static SimulatorClient simulator() {
        return new SimulatorClient("http://127.0.0.1:" + port("it.pbx.control.port"));
    }
}
