package org.calldesk.itbrowser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calldesk.democrm.DemoCrm;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.pbxsim.PbxSimulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the application on Payara Micro needs around it, started once for the whole run before
 * Arquillian starts the server: the Artemis broker, the PBX simulator and the demo CRM (for the screen pop), on the free loopback
 * ports the build reserved. Every run starts from empty data (database and broker journal deleted), so no
 * call or status of an earlier run is left over.
 *
 * <p>At the end of the run the server is stopped first, while the broker and the PBX are still
 * there: Arquillian only signals it from a shutdown hook without waiting, and a server whose
 * broker has already gone can take minutes to stop, outliving the build.
 */
public final class BrowserInfrastructure implements BeforeAllCallback, AutoCloseable {

    private static EmbeddedBroker broker;
    private static PbxSimulator pbx;
    private static DemoCrm crm;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            return;
        }
        Path data = Path.of(System.getProperty("it.data", "target/it-data"));
        deleteRecursively(data);
        broker = EmbeddedBroker.start(data.resolve("broker"), "127.0.0.1", port("it.broker.port"));
        pbx = PbxSimulator.builder()
                .amiPort(port("it.ami.port"))
                .httpPort(port("it.pbx.control.port"))
                .credentials("calldesk", "calldesk")
                .build()
                .start();
        crm = DemoCrm.start("127.0.0.1", port("it.crm.port"));
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(BrowserInfrastructure.class.getName(), this);
    }

    @Override
    public synchronized void close() throws Exception {
        stopServer();
        if (crm != null) {
            crm.close();
        }
        if (pbx != null) {
            pbx.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** A port the build reserved (build-helper-maven-plugin) and handed to the test as a system property. */
    static int port(String name) {
        Integer port = Integer.getInteger(name);
        if (port == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with Maven");
        }
        return port;
    }

    /** The PBX simulator's control API. */
    static SimulatorClient simulator() {
        return new SimulatorClient("http://127.0.0.1:" + port("it.pbx.control.port"));
    }

    /** Payara Micro, which Arquillian started as a child of this JVM. */
    private static void stopServer() throws InterruptedException {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("payara-micro"))
                .collect(Collectors.toList());
        servers.forEach(ProcessHandle::destroy);
        for (ProcessHandle server : servers) {
            try {
                server.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                server.destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
