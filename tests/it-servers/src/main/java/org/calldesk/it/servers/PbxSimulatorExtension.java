package org.calldesk.it.servers;

import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PBX the application on the server under test talks to: the simulator, on a free loopback
 * AMI port that the test hands to the server (calldesk.ami.port). It starts once, before the
 * server starts and the EAR is deployed, so the adapter finds it at its first attempt, and stops
 * when the test run ends. Register it before the extension that deploys.
 */
public final class PbxSimulatorExtension implements BeforeAllCallback, AutoCloseable {

    public static final String AMI_USERNAME = "calldesk";
    public static final String AMI_SECRET = "calldesk";

    private static PbxSimulator pbx;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (pbx != null) {
            return;
        }
        pbx = PbxSimulator.builder()
                .amiPort(0)
                .httpPort(-1)
                .credentials(AMI_USERNAME, AMI_SECRET)
                .build()
                .start();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PbxSimulatorExtension.class.getName(), this);
    }

    public static PbxSimulator pbx() {
        return pbx;
    }

    @Override
    public synchronized void close() {
        pbx.close();
        pbx = null;
    }
}
