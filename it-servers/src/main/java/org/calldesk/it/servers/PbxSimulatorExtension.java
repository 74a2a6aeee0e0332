package org.calldesk.it.wildfly;

import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PBX the application on WildFly talks to: the simulator, on a free loopback AMI port that
 * {@link ApplicationSettings} hands to the server. It starts once, before Arquillian starts
 * WildFly and deploys, so the adapter finds it at its first attempt, and stops when the test run
 * ends.
 */
public final class PbxSimulatorExtension implements BeforeAllCallback, AutoCloseable {

    static final String AMI_USERNAME = "calldesk";
    static final String AMI_SECRET = "calldesk";

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
