package org.calldesk.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Path runtime = runtimeDir();
        Instant started = Instant.now();
        Files.createDirectories(settings.dataDir());

        // the production profile: off loopback the broker refuses anonymous clients; the application
        // gets a user of its own with a new random password each start, external systems the configured one
        boolean brokerSecured = settings.brokerSecured();
        EmbeddedBroker.Credentials applicationUser = brokerSecured
                ? new EmbeddedBroker.Credentials("calldesk-application", randomSecret()) : null;
        EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDir().resolve("broker"), settings.brokerBind(),
                settings.brokerPort(), applicationUser, brokerSecured
                        ? new EmbeddedBroker.Credentials(settings.brokerUser(), settings.brokerPassword()) : null);
        PbxSimulator pbx = PbxSimulator.builder()
                .amiPort(settings.amiPort())
                .httpPort(settings.pbxControlPort())
                .credentials(settings.amiUsername(), settings.amiSecret())
                .build()
                .start();
        DemoCrm crm = settings.startsDemoCrm() ? DemoCrm.start(settings.host(), settings.crmPort()) : null;
        String crmUrl = crm != null ? crm.url() : settings.crmUrl();
        Map<String, String> properties = applicationProperties(settings, broker.url(), crmUrl);
        if (applicationUser != null) {
            properties.put("calldesk.broker.user", applicationUser.user());
            properties.put("calldesk.broker.password", applicationUser.password());
        }
        PayaraMicroProcess payara = PayaraMicroProcess.start(runtime, settings.dataDir(), settings.httpPort(),
                settings.maxHeap(), broker.connectHost(), settings.brokerPort(), applicationUser, properties);

        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("CallDesk: stopping");
            stopQuietly(payara);
            stopQuietly(pbx);
            if (crm != null) {
                stopQuietly(crm);
            }
            stopQuietly(broker);
            System.out.println("CallDesk: stopped");
        }, "calldesk-shutdown"));

        System.out.printf("CallDesk: broker on %s (core protocol and AMQP 1.0%s), PBX simulator AMI on %s:%d "
                        + "(control API http://%s:%d), CRM %s, starting Payara Micro (log: %s)%n",
                "tcp://" + settings.brokerBind() + ":" + broker.port(), brokerSecured
                        ? "; clients sign in, external systems as " + settings.brokerUser() : "", settings.host(), pbx.amiPort(),
                settings.host(), pbx.httpPort(), crm != null ? "(demo) at " + crm.url() : crmUrl,
                settings.dataDir().resolve("payara.log"));
        String base = "http://localhost:" + settings.httpPort();
        if (awaitReady(base + "/calldesk/api/v1/calls", payara, Duration.ofMinutes(3))) {
            System.out.println(banner(base, settings, pbx, Duration.between(started, Instant.now())));
        } else if (payara.isAlive()) {
            System.err.println("CallDesk: the application did not answer within 3 minutes; see "
                    + settings.dataDir().resolve("payara.log"));
        }
        int exit = payara.waitFor();
        if (stopping.get()) {
            return; // Ctrl-C: the shutdown hook stops the rest; System.exit here would wait for it forever
        }
        System.err.println("CallDesk: Payara Micro exited on its own with " + exit + "; see "
                + settings.dataDir().resolve("payara.log"));
        System.exit(1);
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
        properties.put("calldesk.ami.host", settings.host());
        properties.put("calldesk.ami.port", Integer.toString(settings.amiPort()));
        properties.put("calldesk.ami.username", settings.amiUsername());
        properties.put("calldesk.ami.secret", settings.amiSecret());
        properties.put("calldesk.demo.enabled", "true");
        properties.put("calldesk.simulator.url", "http://" + settings.host() + ":" + settings.pbxControlPort());
        if (crmUrl != null && !crmUrl.isBlank() && !crmUrl.equalsIgnoreCase("none")) {
            properties.put("calldesk.crm.url", crmUrl);
        }
        return properties;
    }

    private static String banner(String base, LauncherSettings settings, PbxSimulator pbx, Duration took) {
        return """

                ================================================================
                 CallDesk is ready (%d s)
                 Console:   %s/calldesk/
                 REST API:  %s/calldesk/api/v1/calls   (HTTP Basic)
                 Health:    %s/health
                 Demo logins (password = login): agent1, agent2, agent3, admin
                 Ring an agent: curl -X POST http://127.0.0.1:%d/calls \\
                                     -d '{"from":"01012345678","to":"15880001"}'
                 Data: %s      Stop: Ctrl-C
                ================================================================
                """.formatted(took.toSeconds(), base, base, base, pbx.httpPort(), settings.dataDir());
    }

    private static boolean awaitReady(String url, PayaraMicroProcess payara, Duration timeout)
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

    /** The folder with payara-micro.jar, the RARs and the WAR, beside the launcher jar. */
    private static Path runtimeDir() throws URISyntaxException {
        Path jar = Path.of(CallDeskLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path runtime = jar.getParent().resolve("runtime");
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
