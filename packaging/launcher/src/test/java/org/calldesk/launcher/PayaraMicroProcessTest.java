package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayaraMicroProcessTest {

    @Test
    void anAdapterPropertyValueKeepsItsSeparatorsEscaped() {
        assertThat(PayaraMicroProcess.asadminValue("plain")).isEqualTo("plain");
        assertThat(PayaraMicroProcess.asadminValue("a:b=c\\d")).isEqualTo("a\\:b\\=c\\\\d");
    }

    /** What a first start leaves in Payara's root folder, and what a restart must not deploy a second time. */
    @Test
    void aRestartForgetsTheEarlierDeploymentsButKeepsTheLogs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        for (String file : new String[] {"config/domain.xml", "config/keyfile", "applications/calldesk/WEB-INF/web.xml",
                "generated/ejb/calldesk/x.class", "autodeploy/.autodeploystatus", "logs/server.log"}) {
            java.nio.file.Path path = root.resolve(file);
            java.nio.file.Files.createDirectories(path.getParent());
            java.nio.file.Files.writeString(path, "x");
        }
        PayaraMicroProcess.forgetEarlierDeployments(root);
        assertThat(root.resolve("config/domain.xml")).doesNotExist();
        assertThat(root.resolve("applications")).doesNotExist();
        assertThat(root.resolve("generated")).doesNotExist();
        assertThat(root.resolve("autodeploy")).doesNotExist();
        assertThat(root.resolve("logs/server.log")).exists();
        assertThat(root.resolve("config/keyfile")).exists();
        PayaraMicroProcess.forgetEarlierDeployments(root.resolve("never-started"));
    }
}
