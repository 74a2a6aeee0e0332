package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port the run needs that something else holds (a real Asterisk on 5038): a clear refusal, never a hang. */
class LauncherPortsTest {

    @TempDir
    Path data;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String[] args(int amiPort, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--http-port", Integer.toString(freePort()),
                "--ami-port", Integer.toString(amiPort), "--pbx-control-port", Integer.toString(freePort()),
                "--broker-port", Integer.toString(freePort()), "--crm-port", Integer.toString(freePort()),
                "--data", data.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theSimulatorsAmiPortTakenIsNamedWithTheWayToUseWhatListensThere() throws Exception {
        try (ServerSocket asterisk = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LauncherSettings settings = LauncherSettings.parse(args(asterisk.getLocalPort()), Map.of());
            assertThatThrownBy(() -> CallDeskLauncher.requireFreePorts(settings))
                    .hasMessageContaining("the PBX simulator's AMI port (--ami-port) " + asterisk.getLocalPort()
                            + " is already in use")
                    .hasMessageContaining("--simulator off");

            LauncherSettings real = LauncherSettings.parse(args(asterisk.getLocalPort(), "--simulator", "off"), Map.of());
            assertThatCode(() -> CallDeskLauncher.requireFreePorts(real)).as("the real PBX's port is meant to be taken")
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theLauncherExitsWithAnErrorInsteadOfHangingWhenTheAmiPortIsTaken() throws Exception {
        try (ServerSocket asterisk = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CallDeskLauncher.class.getName()));
            command.addAll(List.of(args(asterisk.getLocalPort())));
            Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher exited").isTrue();
                String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(launcher.exitValue()).as(output).isEqualTo(1);
                assertThat(output).contains("AMI port (--ami-port) " + asterisk.getLocalPort() + " is already in use");
            } finally {
                launcher.destroyForcibly();
            }
        }
    }
}
