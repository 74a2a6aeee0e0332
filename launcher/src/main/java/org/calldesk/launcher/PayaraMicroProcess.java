package org.calldesk.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro in a child process, with the three deployments the application needs in the order
 * it needs them: the Artemis adapter and the PBX adapter (as post-boot commands, so they are up
 * before the application's message-driven beans start), then the application WAR.
 *
 * <p>Settings reach the application as system properties in a file only the process owner can
 * read, so secrets never appear on a command line.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;

    private PayaraMicroProcess(Process process) {
        this.process = process;
    }

    public static PayaraMicroProcess start(Path runtime, Path workDir, int httpPort, String maxHeap, String brokerHost,
                                    int brokerPort, Map<String, String> systemProperties) throws IOException {
        return start(runtime, workDir, httpPort, maxHeap, brokerHost, brokerPort, null, systemProperties);
    }

    /**
     * @param brokerUser the application's broker user where the broker authenticates its clients,
     *                   or null; it reaches the Artemis adapter through a file only the process
     *                   owner can read
     */
    public static PayaraMicroProcess start(Path runtime, Path workDir, int httpPort, String maxHeap, String brokerHost,
                                           int brokerPort, EmbeddedBroker.Credentials brokerUser,
                                           Map<String, String> systemProperties) throws IOException {
        Files.createDirectories(workDir);
        Path properties = workDir.resolve("calldesk.properties");
        writePrivately(properties, toPropertiesText(systemProperties));
        Path postBoot = workDir.resolve("post-boot.asadmin");
        // asadmin property syntax: '=' inside a value is escaped, ':' separates properties
        String adapterProperties = "ConnectionParameters=host\\=" + brokerHost + ";port\\=" + brokerPort
                + (brokerUser == null ? "" : ":UserName=" + asadminValue(brokerUser.user())
                        + ":Password=" + asadminValue(brokerUser.password()));
        writePrivately(postBoot, String.join(System.lineSeparator(),
                "create-resource-adapter-config --property " + adapterProperties + " calldesk-artemis",
                "deploy " + runtime.resolve("calldesk-artemis.rar"),
                "deploy " + runtime.resolve("calldesk-pbx.rar"),
                ""));

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-jar", runtime.resolve("payara-micro.jar").toString(),
                "--nohazelcast",
                "--port", Integer.toString(httpPort),
                "--rootdir", workDir.resolve("payara").toString(),
                "--systemproperties", properties.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", runtime.resolve("calldesk.war").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> copyLog(process, workDir.resolve("payara.log")), "payara-log");
        pump.setDaemon(true);
        pump.start();
        return new PayaraMicroProcess(process);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The operating-system process id, for tools such as {@code jcmd} and {@code jstat}. */
    public long pid() {
        return process.pid();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Everything to the log file; problems to the console as well, so they are not missed. */
    private static void copyLog(Process process, Path logFile) {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(logFile, java.nio.charset.StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.contains("SEVERE") || line.contains("Exception")) {
                    System.err.println("[payara] " + line);
                }
            }
        } catch (IOException e) {
            System.err.println("[payara] log copy stopped: " + e.getMessage());
        }
    }

    private static String toPropertiesText(Map<String, String> properties) {
        var text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=')
                .append(value.replace("\\", "\\\\")).append(System.lineSeparator()));
        return text.toString();
    }

    /** A value for an asadmin {@code --property} list: its separators escaped. */
    static String asadminValue(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    private static void writePrivately(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions apply
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
