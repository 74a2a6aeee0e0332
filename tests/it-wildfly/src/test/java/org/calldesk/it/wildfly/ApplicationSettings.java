package org.calldesk.it.wildfly;

import java.util.Map;
import org.calldesk.it.servers.PbxSimulatorExtension;
import org.calldesk.pbxsim.PbxSimulator;
import org.jboss.as.arquillian.setup.SystemPropertyServerSetupTask;

/**
 * The application's settings on the test's WildFly, set as server system properties (which
 * MicroProfile Config reads) before the EAR is deployed and removed after: the PBX is the
 * simulator this test run started, on whatever loopback port it got, and the demo accounts exist.
 */
public final class ApplicationSettings extends SystemPropertyServerSetupTask {

    public ApplicationSettings() {
        super(settingsFor(PbxSimulatorExtension.pbx()));
    }

    private static Map<String, String> settingsFor(PbxSimulator pbx) {
        return Map.of(
                "calldesk.ami.host", pbx.bindAddress().getHostAddress(),
                "calldesk.ami.port", String.valueOf(pbx.amiPort()),
                "calldesk.ami.username", PbxSimulatorExtension.AMI_USERNAME,
                "calldesk.ami.secret", PbxSimulatorExtension.AMI_SECRET,
                "calldesk.demo.enabled", "true");
    }
}
