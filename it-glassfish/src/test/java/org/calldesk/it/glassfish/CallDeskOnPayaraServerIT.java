package org.calldesk.it.glassfish;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The unchanged EAR on a fresh PayaraServer domain: the smoke scenario of every server. */
class CallDeskOnPayaraServerIT extends GlassFishDomainScenario {

    @RegisterExtension
    static final GlassFishDomain SERVER = GlassFishDomain.payaraServer();

    @Override
    GlassFishDomain domain() {
        return SERVER;
    }
}
