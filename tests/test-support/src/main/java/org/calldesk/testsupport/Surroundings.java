package org.calldesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.calldesk.democrm.DemoCrm;
import org.calldesk.launcher.EmbeddedBroker;
import org.calldesk.pbxsim.ChannelInfo;
import org.calldesk.pbxsim.PbxAgreement;
import org.calldesk.pbxsim.PbxSimulator;

/**
 * What the application on Payara Micro needs around it in an integration test, started once for
 * the whole run before Arquillian starts the server: the Artemis broker, the PBX simulator and,
 * if asked for, the demo CRM, on loopback ports. Every run starts from empty data, as after
 * {@code mvn clean}: the application's database and the broker's journal of an earlier run are
 * deleted first, so no call or status an earlier run left (on a simulator that no longer exists)
 * keeps agents busy.
 *
 * <p>{@link #close()} stops the server first, while the broker and the PBX are still there:
 * Arquillian only signals it from a shutdown hook without waiting, and a server whose broker has
 * already gone keeps reconnecting and can take minutes to stop, outliving the build.
 */
public final class Surroundings implements AutoCloseable {

    /** The loopback ports: the broker, the simulator's AMI and control API, the demo CRM (0: none). */
    public record Ports(int broker, int ami, int pbxControl, int crm) {
    }

    private final EmbeddedBroker broker;
    private final PbxSimulator pbx;
    private final DemoCrm crm;

    private Surroundings(EmbeddedBroker broker, PbxSimulator pbx, DemoCrm crm) {
        this.broker = broker;
        this.pbx = pbx;
        this.crm = crm;
    }

    /** Deletes {@code data} (the database and journal of an earlier run), then starts each part. */
    public static Surroundings start(Path data, Ports ports) throws Exception {
        deleteRecursively(data);
        EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("broker"), "127.0.0.1", ports.broker());
        PbxSimulator pbx = PbxSimulator.builder()
                .amiPort(ports.ami())
                .httpPort(ports.pbxControl())
                .credentials("calldesk", "calldesk")
                .build()
                .start();
        DemoCrm crm = ports.crm() > 0 ? DemoCrm.start("127.0.0.1", ports.crm()) : null;
        return new Surroundings(broker, pbx, crm);
    }

    /** A port the build reserved (build-helper-maven-plugin) and handed to the test as a system property. */
    public static int port(String name) {
        Integer port = Integer.getInteger(name);
        if (port == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with Maven");
        }
        return port;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public PbxSimulator pbx() {
        return pbx;
    }

    /**
     * The design's invariant, checked after every scenario: the PBX's channels and bridges and the
     * application's calls and agents (as admin, over the REST API at {@code base}) agree
     * ({@link PbxAgreement}), within 20 s.
     */
    public static void assertPbxAndApplicationAgree(Supplier<List<ChannelInfo>> channels, URL base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        new PbxAgreement().await(channels, PbxAgreement.applicationOver(URI.create(root + "api/v1"), "admin",
                "admin"), Duration.ofSeconds(20));
    }

    @Override
    public void close() throws Exception {
        try {
            stopPayaraMicro();
            if (crm != null) {
                crm.close();
            }
            pbx.close();
        } finally {
            broker.close();
        }
    }

    /**
     * Payara Micro, which Arquillian started as a child of this JVM and does not always stop (and
     * whose stop at the end of a test class may still be under way when the next class begins):
     * ended here, waiting until it is gone.
     */
    public static void stopPayaraMicro() throws InterruptedException {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("payara-micro"))
                .toList();
        servers.forEach(ProcessHandle::destroy);
        for (ProcessHandle server : servers) {
            try {
                server.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
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
