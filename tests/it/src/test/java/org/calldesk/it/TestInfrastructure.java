package org.calldesk.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.pbxsim.PbxAgreement;
import org.calldesk.pbxsim.PbxSimulator;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the application on Payara Micro needs around it, started once for the whole test run
 * before Arquillian starts the server: the Artemis broker and the PBX simulator on the loopback
 * ports the test configuration names. They stop when the test JVM ends (the root store closes
 * this resource).
 *
 * <p>Every run starts from empty data, as after {@code mvn clean}: the application's database
 * and the broker's journal of an earlier run are deleted first. Otherwise calls that an earlier
 * run left connected (on a simulator that no longer exists) would keep its agents busy.
 */
public final class TestInfrastructure implements BeforeAllCallback, AutoCloseable {

    private static EmbeddedBroker broker;
    private static PbxSimulator pbx;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            return;
        }
        Path data = Path.of(System.getProperty("it.data", "target/it-data"));
        deleteRecursively(data);
        broker = EmbeddedBroker.start(data.resolve("broker"), "127.0.0.1", Integer.getInteger("it.broker.port", 61616));
        pbx = PbxSimulator.builder()
                .amiPort(Integer.getInteger("it.ami.port", 15038))
                .httpPort(Integer.getInteger("it.pbx.control.port", 18088))
                .credentials("calldesk", "calldesk")
                .build()
                .start();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(TestInfrastructure.class.getName(), this);
    }

    /** The application as the test classes deploy it: the WAR the build put under {@code it.runtime}. */
    public static WebArchive calldeskWar() {
        File war = new File(System.getProperty("it.runtime", "target/runtime"), "calldesk.war");
        return ShrinkWrap.create(ZipImporter.class, "calldesk.war").importFrom(war).as(WebArchive.class);
    }

    /** The PBX the application is connected to, to script phones and customers. */
    public static PbxSimulator pbx() {
        return pbx;
    }

    /**
     * The design's invariant, checked after every scenario: the simulator's channels and bridges
     * and the application's calls and agents agree ({@link PbxAgreement}), within 20 s.
     */
    public static void assertPbxAndApplicationAgree(URL base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        new PbxAgreement().await(pbx::channels, PbxAgreement.applicationOver(URI.create(root + "api/v1"), "admin",
                "admin"), Duration.ofSeconds(20));
    }

    public static String brokerUrl() {
        return broker.url();
    }

    /** The broker itself, to look at its queues. */
    public static EmbeddedBroker broker() {
        return broker;
    }

    @Override
    public synchronized void close() throws Exception {
        try {
            stopPayaraMicro();
            pbx.close();
        } finally {
            broker.close();
        }
    }

    /**
     * Payara Micro, which Arquillian started as a child of this JVM and does not always stop: ended
     * here, before the broker it keeps reconnecting to (its shutdown waits on that), so no server
     * outlives the test run.
     */
    private static void stopPayaraMicro() throws InterruptedException {
        for (ProcessHandle server : ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false)).toList()) {
            server.destroy();
            try {
                server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                server.destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the data of an earlier run: " + file, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
