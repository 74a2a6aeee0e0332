package org.calldesk.testsupport;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the {@link Surroundings} once for the whole test run, before Arquillian starts the
 * server, and stops them when the run ends (the root store closes this resource), after the
 * server. A module's extension says only on which ports; its tests reach the parts through
 * {@link #surroundings()}. One test JVM runs one module, so one set of surroundings a JVM.
 */
public abstract class SurroundingsExtension implements BeforeAllCallback, AutoCloseable {

    private static Surroundings surroundings;

    /** The loopback ports of this module's run. */
    protected abstract Surroundings.Ports ports();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SurroundingsExtension.class) {
            if (surroundings != null) {
                return;
            }
            surroundings = Surroundings.start(Path.of(System.getProperty("it.data", "target/it-data")), ports());
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SurroundingsExtension.class.getName(), this);
    }

    /** The running surroundings; started by the extension. */
    public static Surroundings surroundings() {
        if (surroundings == null) {
            throw new IllegalStateException("the surroundings are not started: extend the test with the module's extension");
        }
        return surroundings;
    }

    @Override
    public void close() throws Exception {
        synchronized (SurroundingsExtension.class) {
            if (surroundings != null) {
                surroundings.close();
            }
        }
    }
}
