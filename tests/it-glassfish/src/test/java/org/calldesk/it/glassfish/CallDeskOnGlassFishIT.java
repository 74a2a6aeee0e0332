package org.calldesk.it.glassfish;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The unchanged EAR on a fresh GlassFish domain: the smoke scenario of every server. */
class CallDeskOnGlassFishIT extends GlassFishDomainScenario {

    @RegisterExtension
    static final GlassFishDomain SERVER = GlassFishDomain.glassFish();

    @Override
    GlassFishDomain domain() {
        return SERVER;
    }
}
