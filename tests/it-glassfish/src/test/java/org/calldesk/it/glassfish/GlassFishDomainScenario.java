package org.calldesk.it.glassfish;

import java.net.URL;
import org.calldesk.it.servers.PbxSimulatorExtension;
import org.calldesk.it.servers.ServerSmokeScenario;
import org.junit.jupiter.api.extension.ExtendWith;

/** The smoke scenario of every server on a domain of the GlassFish family ({@link GlassFishDomain}). */
@ExtendWith(PbxSimulatorExtension.class)
abstract class GlassFishDomainScenario extends ServerSmokeScenario {

    /** The subclass's domain, registered as an extension of its own (after the simulator's). */
    abstract GlassFishDomain domain();

    @Override
    protected URL base() {
        return domain().base();
    }

    @Override
    protected String server() {
        return domain().server();
    }
}
