package org.calldesk.it.glassfish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unchanged EAR on a fresh GlassFish domain: the smoke scenario of every server, deployed
 * before its database existed (GlassFish used to refuse such a deployment, see
 * {@code DeferredDatabaseLogin}); the database is created right after the deployment, and the
 * scenario's calls are recorded without a restart.
 */
class CallDeskOnGlassFishIT extends GlassFishDomainScenario {

    @RegisterExtension
    static final GlassFishDomain SERVER = GlassFishDomain.glassFish();

    @Override
    GlassFishDomain domain() {
        return SERVER;
    }

    @Test
    void deployedWhileTheDatabaseDidNotAnswerItsHealthNamedTheSettingToFix() {
        assertThat(SERVER.healthWithoutDatabase()).startsWith("503 ")
                .containsPattern("\\{\"name\":\"database\",\"status\":\"DOWN\"")
                .contains("the connection pool of jdbc/__default on Payara Server and GlassFish");
    }
}
