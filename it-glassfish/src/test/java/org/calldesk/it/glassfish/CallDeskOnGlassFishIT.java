package org.calldesk.it.glassfish;

import java.net.URI;
import java.net.URL;
import java.util.Optional;
import org.calldesk.it.servers.PbxSimulatorExtension;
import org.calldesk.it.servers.ServerSmokeScenario;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The unchanged EAR on a fresh GlassFish domain ({@link GlassFishDomain}): the smoke scenario of every server. */
@ExtendWith(PbxSimulatorExtension.class)
class CallDeskOnGlassFishIT extends ServerSmokeScenario {

    @RegisterExtension
    static final GlassFishDomain SERVER = GlassFishDomain.glassFish();

    @Override
    protected URL base() {
        return SERVER.base();
    }

    @Override
    protected PbxSimulator pbx() {
        return PbxSimulatorExtension.pbx();
    }

    @Override
    protected Optional<URI> health() {
        return SERVER.health();
    }

    @Override
    protected String server() {
        return SERVER.server();
    }
}
