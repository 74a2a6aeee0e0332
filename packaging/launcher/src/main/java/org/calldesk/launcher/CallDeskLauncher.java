package org.calldesk.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calldesk.democrm.DemoCrm;
import org.calldesk.pbxsim.PbxSimulator;

/**
 * Starts the whole product on this machine with its embedded defaults: an Artemis broker and the
 * PBX simulator on loopback, and Payara Micro running the application against an H2 file
 * database in the data folder. Ctrl-C stops all of it.
 */
public final class CallDeskLauncher {

    private CallDeskLauncher() {
    }

    public static void main(String[] args) throws Exception {
        LauncherSettings settings;
        try {
            settings = LauncherSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(LauncherSettings.USAGE);
            System.exit(2);
            return;
        }
        try {
            requireFreePorts(settings);
        } catch (IllegalStateException e) {
            System.err.println("CallDesk: " + e.getMessage());
            System.exit(1);
            return;
        }
        // what has started, stopped in reverse order on exit: Ctrl-C, or a start that failed half-way
        // (the broker's threads would otherwise keep this process alive, doing nothing)
        List<AutoCloseable> started = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("CallDesk: stopping");
            List<AutoCloseable> parts = new ArrayList<>(started);
            Collections.reverse(parts);
            parts.forEach(CallDeskLauncher::stopQuietly);
            System.out.println("CallDesk: stopped");
        }, "calldesk-shutdown"));
        try {
            run(settings, started);
        } catch (Exception e) {
            System.err.println("CallDesk: could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(LauncherSettings settings, List<AutoCloseable> started) throws Exception {
        Path runtime = runtimeDir();
        Instant begun = Instant.now();
        Files.createDirectories(settings.dataDir());

        // the production profile: off loopback the broker refuses anonymous clients; the application
        // gets a user of its own with a new random password each start, external systems the configured one
        boolean brokerSecured = settings.brokerSecured();
        EmbeddedBroker.Credentials applicationUser = brokerSecured
                ? new EmbeddedBroker.Credentials("calldesk-application", randomSecret()) : null;
        EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDir().resolve("broker"), settings.brokerBind(),
                settings.brokerPort(), applicationUser, brokerSecured
                        ? new EmbeddedBroker.Credentials(settings.brokerUser(), settings.brokerPassword()) : null);
        started.add(broker);
        PbxSimulator pbx = null;
        if (settings.simulator()) {
            pbx = PbxSimulator.builder()
                    .amiPort(settings.amiPort())
                    .httpPort(settings.pbxControlPort())
                    .credentials(settings.amiUsername(), settings.amiSecret())
                    .build()
                    .start();
            started.add(pbx);
        }
        DemoCrm crm = settings.startsDemoCrm() ? DemoCrm.start(settings.host(), settings.crmPort()) : null;
        if (crm != null) {
            started.add(crm);
        }
        String crmUrl = crm != null ? crm.url() : settings.crmUrl();
        Map<String, String> properties = applicationProperties(settings, broker.url(), crmUrl);
        if (applicationUser != null) {
            properties.put("calldesk.broker.user", applicationUser.user());
            properties.put("calldesk.broker.password", applicationUser.password());
        }
        String base = "http://localhost:" + settings.httpPort();
        Path log = settings.dataDir().resolve("payara.log");
        PayaraSupervisor payara = new PayaraSupervisor(
                () -> PayaraMicroProcess.start(runtime, settings.dataDir(), settings.httpPort(), settings.maxHeap(),
                        broker.connectHost(), settings.brokerPort(), applicationUser, properties),
                PayaraSupervisor.Policy.of(settings.payaraRestarts()),
                message -> System.err.println("CallDesk: " + message + " (log: " + log + ")"),
                CallDeskLauncher::reportWhenBack);
        PbxSimulator simulator = pbx;

        System.out.printf("CallDesk: broker on %s (core protocol and AMQP 1.0%s), %s, CRM %s, starting Payara Micro"
                        + " (log: %s)%n",
                "tcp://" + settings.brokerBind() + ":" + broker.port(), brokerSecured
                        ? "; clients sign in, external systems as " + settings.brokerUser() : "",
                simulator != null ? "PBX simulator AMI on %s:%d (control API http://%s:%d)".formatted(settings.host(),
                        simulator.amiPort(), settings.host(), simulator.httpPort())
                        : "PBX (no simulator) AMI at %s:%d as %s".formatted(settings.amiHost(), settings.amiPort(),
                        settings.amiUsername()),
                crm != null ? "(demo) at " + crm.url() : crmUrl, log);
        started.add(payara);
        payara.start();
        readyUrl = base + "/calldesk/api/v1/calls";
        if (awaitReady(readyUrl, payara.current(), Duration.ofMinutes(3))) {
            System.out.println(banner(base, settings, simulator, Duration.between(begun, Instant.now())));
        } else if (payara.current().isAlive()) {
            System.err.println("CallDesk: the application did not answer within 3 minutes; see " + log);
        }
        int exit = payara.supervise();
        if (payara.stopping()) {
            return; // Ctrl-C: the shutdown hook stops the rest; System.exit here would wait for it forever
        }
        System.err.println("CallDesk: Payara Micro keeps failing (last exit code " + exit + "); stopping. See " + log);
        System.exit(1);
    }

    /**
     * Every port this run listens on must be free before anything starts: a port taken (another
     * CallDesk, or a real PBX on the simulator's AMI port) is named, and the launcher exits.
     */
    static void requireFreePorts(LauncherSettings settings) {
        Map<String, InetSocketAddress> ports = new LinkedHashMap<>();
        ports.put("the HTTP port (--http-port)", new InetSocketAddress(settings.httpPort()));
        ports.put("the broker port (--broker-port)", new InetSocketAddress(settings.brokerBind(), settings.brokerPort()));
        if (settings.simulator()) {
            ports.put("the PBX simulator's AMI port (--ami-port)",
                    new InetSocketAddress(settings.host(), settings.amiPort()));
            ports.put("the PBX simulator's control port (--pbx-control-port)",
                    new InetSocketAddress(settings.host(), settings.pbxControlPort()));
        }
        if (settings.startsDemoCrm()) {
            ports.put("the demo CRM's port (--crm-port)", new InetSocketAddress(settings.host(), settings.crmPort()));
        }
        ports.forEach((what, address) -> {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(address);
            } catch (IOException e) {
                String hint = what.contains("AMI") ? "; is a PBX listening there? To use it, start with --simulator off"
                        + " --ami-host HOST --ami-port " + settings.amiPort() + " --ami-user NAME --ami-secret SECRET"
                        : "; is CallDesk already running? Choose another port";
                throw new IllegalStateException(what + " " + address.getPort() + " is already in use (" + e.getMessage()
                        + ")" + hint, e);
            }
        });
    }

    static Map<String, String> applicationProperties(LauncherSettings settings, String brokerUrl) {
        return applicationProperties(settings, brokerUrl, settings.crmUrl());
    }

    /** @param crmUrl the CRM's base URL; blank or {@code none}: no CRM */
    public static Map<String, String> applicationProperties(LauncherSettings settings, String brokerUrl, String crmUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("calldesk.datasource.class", settings.dataSourceClass());
        properties.put("calldesk.datasource.url", settings.dbUrl());
        properties.put("calldesk.datasource.user", settings.dbUser());
        properties.put("calldesk.datasource.password", settings.dbPassword());
        properties.put("calldesk.broker.url", brokerUrl);
        properties.put("calldesk.ami.host", settings.amiHost());
        properties.put("calldesk.ami.port", Integer.toString(settings.amiPort()));
        properties.put("calldesk.ami.username", settings.amiUsername());
        properties.put("calldesk.ami.secret", settings.amiSecret());
        properties.put("calldesk.demo.enabled", "true");
        if (settings.simulator()) {
            properties.put("calldesk.simulator.url", "http://" + settings.host() + ":" + settings.pbxControlPort());
        }
        if (crmUrl != null && !crmUrl.isBlank() && !crmUrl.equalsIgnoreCase("none")) {
            properties.put("calldesk.crm.url", crmUrl);
        }
        return properties;
    }

    private static String banner(String base, LauncherSettings settings, PbxSimulator pbx, Duration took) {
        String ring = pbx == null
                ? " PBX:       %s:%d (AMI user %s)".formatted(settings.amiHost(), settings.amiPort(), settings.amiUsername())
                : " Ring an agent: curl -X POST http://127.0.0.1:" + pbx.httpPort() + "/calls \\\n"
                        + "                     -d '{\"from\":\"01012345678\",\"to\":\"15880001\"}'";
        return """

                ================================================================
                 CallDesk is ready (%d s)
                 Console:   %s/calldesk/
                 REST API:  %s/calldesk/api/v1/calls   (HTTP Basic)
                 Health:    %s/health
                 Demo logins (password = login): agent1, agent2, agent3, admin
                %s
                 Data: %s      Stop: Ctrl-C
                ================================================================
                """.formatted(took.toSeconds(), base, base, base, ring, settings.dataDir());
    }

    /** Where the application answers once it is deployed; set before the first start. */
    private static volatile String readyUrl;

    /** After a restart (not the first start, which prints the banner): when the application answers again. */
    private static void reportWhenBack(PayaraSupervisor.Child child) {
        String url = readyUrl;
        if (url == null) {
            return;
        }
        Instant begun = Instant.now();
        Thread watch = new Thread(() -> {
            try {
                if (awaitReady(url, child, Duration.ofMinutes(5))) {
                    System.out.println("CallDesk: Payara Micro (pid " + child.pid() + ") is back; the application answers"
                            + " again after " + Duration.between(begun, Instant.now()).toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "calldesk-back");
        watch.setDaemon(true);
        watch.start();
    }

    private static boolean awaitReady(String url, PayaraSupervisor.Child payara, Duration timeout)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && payara.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(new URI(url)).GET()
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401 || response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException | URISyntaxException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * The folder with payara-micro.jar, the RARs and the WAR, beside the launcher jar; or the one
     * {@code CALLDESK_RUNTIME} names (the launcher's tests run it with a stand-in for Payara).
     */
    private static Path runtimeDir() throws URISyntaxException {
        Path jar = Path.of(CallDeskLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String named = System.getenv("CALLDESK_RUNTIME");
        Path runtime = named != null && !named.isBlank() ? Path.of(named) : jar.getParent().resolve("runtime");
        if (!Files.isRegularFile(runtime.resolve("payara-micro.jar"))) {
            throw new IllegalStateException("no Payara Micro runtime at " + runtime
                    + "; build it first: mvn -DskipTests install");
        }
        return runtime;
    }

    /** A password nobody needs to know: 32 random hex digits. */
    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static void stopQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("CallDesk: while stopping: " + e);
        }
    }
}
