package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a process of its own, with a stand-in for Payara Micro (a jar that answers HTTP
 * on the port it is given and runs until it is ended) in place of the real runtime, so the
 * launcher's handling of its child is tested in seconds: Payara killed, the rest carries on and
 * Payara is started again; the launcher killed, Payara goes too.
 */
class LauncherSupervisionTest {

    @TempDir
    Path dir;

    private Process launcher;
    private final StringBuffer output = new StringBuffer();

    /** The stand-in: answers 401 on every path of {@code --port}, as the application's API does. */
    public static final class FakePayara {
        public static void main(String[] args) throws Exception {
            int port = 0;
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--port")) {
                    port = Integer.parseInt(args[i + 1]);
                }
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
            });
            server.start();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A runtime folder whose payara-micro.jar is the stand-in. */
    private Path fakeRuntime() throws IOException {
        Path runtime = dir.resolve("runtime");
        Files.createDirectories(runtime);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakePayara.class.getName());
        String entry = FakePayara.class.getName().replace('.', '/') + ".class";
        try (var in = FakePayara.class.getClassLoader().getResourceAsStream(entry);
             var out = new JarOutputStream(Files.newOutputStream(runtime.resolve("payara-micro.jar")), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return runtime;
    }

    private Optional<ProcessHandle> payara() {
        return launcher.children().filter(child -> child.info().commandLine().orElse("").contains("payara-micro.jar"))
                .findFirst();
    }

    private static boolean answers(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void payaraKilledIsStartedAgainWhileTheRestRunsOnAndTheLauncherKilledTakesPayaraWithIt() throws Exception {
        int http = freePort();
        int control = freePort();
        int broker = freePort();
        int crm = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CallDeskLauncher.class.getName(),
                "--http-port", Integer.toString(http), "--ami-port", Integer.toString(freePort()),
                "--pbx-control-port", Integer.toString(control), "--broker-port", Integer.toString(broker),
                "--crm-port", Integer.toString(crm), "--data", dir.resolve("data").toString(), "--max-heap", "64m"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CALLDESK_RUNTIME", fakeRuntime().toString());
        launcher = builder.start();
        Thread pump = new Thread(() -> {
            try {
                launcher.inputReader().lines().forEach(line -> output.append(line).append('\n'));
            } catch (RuntimeException e) {
                // the launcher ended
            }
        });
        pump.setDaemon(true);
        pump.start();

        await("CallDesk is ready").atMost(Duration.ofSeconds(90)).until(() -> output.indexOf("CallDesk is ready") >= 0);
        ProcessHandle first = payara().orElseThrow();

        first.destroyForcibly(); // kill -9
        await("Payara started again").atMost(Duration.ofSeconds(30))
                .until(() -> payara().filter(again -> again.pid() != first.pid()).isPresent() && answers(
                        "http://127.0.0.1:" + http + "/calldesk/api/v1/calls"));
        await("the launcher says so").atMost(Duration.ofSeconds(30))
                .until(() -> output.indexOf("is back; the application answers again after") >= 0);
        assertThat(launcher.isAlive()).as("the launcher runs on").isTrue();
        assertThat(answers("http://127.0.0.1:" + control + "/calls")).as("the PBX simulator runs on").isTrue();
        assertThat(listening(broker)).as("the broker runs on").isTrue();
        assertThat(answers("http://127.0.0.1:" + crm + "/")).as("the demo CRM runs on").isTrue();
        assertThat(output.toString()).contains("Payara Micro (pid " + first.pid() + ") ended on its own with exit code 137;"
                + " restart 1 of at most 5 within 10 min, in 1000 ms");

        ProcessHandle second = payara().orElseThrow();
        launcher.toHandle().destroyForcibly(); // kill -9: no shutdown hook runs
        assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.onExit().get(20, TimeUnit.SECONDS).isAlive())
                .as("Payara left without its launcher ends (its watchdog)").isFalse();
    }
}
