package org.calldesk.it;

import java.nio.file.Path;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the application on Payara Micro needs around it, started once for the whole test run
 * before Arquillian starts the server: the Artemis broker and the PBX simulator on the loopback
 * ports the test configuration names. They stop when the test JVM ends.
 */
public final class TestInfrastructure implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static EmbeddedBroker broker;
    private static PbxSimulator pbx;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            return;
        }
        Path data = Path.of(System.getProperty("it.data", "target/it-data"));
        broker = EmbeddedBroker.start(data.resolve("broker"), "127.0.0.1", Integer.getInteger("it.broker.port", 61616));
        pbx = PbxSimulator.builder()
                .amiPort(Integer.getInteger("it.ami.port", 15038))
                .httpPort(Integer.getInteger("it.pbx.control.port", 18088))
                .credentials("calldesk", "calldesk")
                .build()
                .start();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(TestInfrastructure.class.getName(), this);
    }

    public static PbxSimulator pbx() {
        return pbx;
    }

    public static String brokerUrl() {
        return broker.url();
    }

    @Override
    public synchronized void close() throws Exception {
        pbx.close();
        broker.close();
    }
}
