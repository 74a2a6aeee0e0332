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
public final class PayaraMicroProcess implements PayaraSupervisor.Child {

    /** How long Payara may take to stop before it is halted (its watchdog's grace period). */
    static final int STOP_GRACE_SECONDS = 5;

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
                // Payara polls the deployed applications for a .reload file every 2 s (its dynamic
                // reload): nothing here uses it, and it was the most sampled code of an idle node
                "set configs.config.server-config.admin-service.das-config.dynamic-reload-enabled=false",
                ""));

        Path rootDir = workDir.resolve("payara");
        forgetEarlierDeployments(rootDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-javaagent:" + watchdogAgent(workDir) + "=parent=" + ProcessHandle.current().pid()
                        + ",stdin=true,grace=" + STOP_GRACE_SECONDS,
                "-jar", runtime.resolve("payara-micro.jar").toString(),
                "--nohazelcast",
                "--port", Integer.toString(httpPort),
                "--rootdir", rootDir.toString(),
                "--systemproperties", properties.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", runtime.resolve("calldesk.war").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> copyLog(process, workDir.resolve("payara.log")), "payara-log");
        pump.setDaemon(true);
        pump.start();
        return new PayaraMicroProcess(process);
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The operating-system process id, for tools such as {@code jcmd} and {@code jstat}. */
    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE_SECONDS + 10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Payara Micro keeps what was deployed in its root folder and deploys it again at its next
     * start, before the post-boot commands (which then fail: "already registered") and
     * {@code --deploy} (which undeploys and deploys the WAR once more). Each start deploys the
     * adapters and the WAR itself, so the earlier start's configuration and deployed copies go:
     * one deployment per start. The transaction logs stay.
     */
    static void forgetEarlierDeployments(Path rootDir) throws IOException {
        for (String earlier : new String[] {"config/domain.xml", "applications", "generated", "autodeploy"}) {
            deleteRecursively(rootDir.resolve(earlier));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /**
     * The agent jar with {@link ParentWatchdog} alone, written beside Payara's files: Payara
     * Micro runs with {@code -jar}, so the watchdog reaches its process as a Java agent.
     */
    static Path watchdogAgent(Path workDir) throws IOException {
        Path jar = workDir.resolve("calldesk-watchdog.jar");
        String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", ParentWatchdog.class.getName());
        try (var in = ParentWatchdog.class.getClassLoader().getResourceAsStream(entry);
             var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            if (in == null) {
                throw new IOException("the launcher's own class " + entry + " is missing");
            }
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
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
