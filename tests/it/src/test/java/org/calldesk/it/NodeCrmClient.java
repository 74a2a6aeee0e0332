package org.calldesk.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * The external AMQP 1.0 client of {@code src/test/amqp-client} (node and the npm package rhea,
 * which the product does not ship), run as its own process: instructions go to its stdin, and
 * every JSON line it prints is kept to be asserted on.
 *
 * <p>Its dependencies are installed with {@code npm ci} from the committed package-lock.json into
 * {@code target/amqp-client}. Without node or npm the test is skipped, unless
 * {@code CALLDESK_TEST_AMQP=required} (CI), where that is a failure.
 */
final class NodeCrmClient implements AutoCloseable {

    private final Process process;
    private final PrintWriter stdin;
    private final List<JsonObject> lines = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();
    private final StringBuilder stderr = new StringBuilder();

    private NodeCrmClient(Process process) {
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread out = new Thread(() -> read(process), "amqp-client-stdout");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "amqp-client-stderr");
        err.setDaemon(true);
        err.start();
    }

    /**
     * Installs the client (once per build) and starts it against the broker.
     *
     * @param args {@code --port}, {@code --container}, {@code --subscription} and so on
     */
    static NodeCrmClient start(String... args) throws IOException, InterruptedException {
        Path source = Path.of(System.getProperty("it.amqp.client.source", "src/test/amqp-client"));
        Path installed = Path.of(System.getProperty("it.amqp.client.dir", "target/amqp-client"));
        install(source, installed);
        List<String> command = new java.util.ArrayList<>(List.of("node", installed.resolve("crm-client.js").toString()));
        command.addAll(List.of(args));
        return new NodeCrmClient(new ProcessBuilder(command).directory(installed.toFile()).start());
    }

    private static void install(Path source, Path installed) throws IOException, InterruptedException {
        String node = version("node");
        String npm = version(isWindows() ? "npm.cmd" : "npm");
        if (node == null || npm == null) {
            String why = "the external AMQP client needs node and npm on the PATH (node " + node + ", npm " + npm + ")";
            if ("required".equalsIgnoreCase(System.getenv("CALLDESK_TEST_AMQP"))) {
                throw new IllegalStateException(why + ", and CALLDESK_TEST_AMQP=required");
            }
            Assumptions.abort(why + "; skipped (set CALLDESK_TEST_AMQP=required to make this a failure)");
        }
        Files.createDirectories(installed);
        for (String file : List.of("package.json", "package-lock.json", "crm-client.js")) {
            Files.copy(source.resolve(file), installed.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isRegularFile(installed.resolve("node_modules/rhea/package.json"))) {
            return;
        }
        Process npmCi = new ProcessBuilder(isWindows() ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund")
                .directory(installed.toFile()).redirectErrorStream(true).start();
        String output = new String(npmCi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npmCi.waitFor(5, TimeUnit.MINUTES) || npmCi.exitValue() != 0) {
            npmCi.destroyForcibly();
            throw new IllegalStateException("npm ci of the external AMQP client failed in " + installed + ":\n" + output);
        }
    }

    private static String version(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
    }

    private void read(Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                try {
                    lines.add(Json.createReader(new StringReader(line)).readObject());
                } catch (RuntimeException e) {
                    unreadable.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Sends one instruction ({@code op} and its fields). */
    void tell(JsonObject instruction) {
        stdin.println(instruction.toString());
        if (stdin.checkError()) {
            throw new UncheckedIOException(new IOException("the AMQP client no longer reads its input: " + this));
        }
    }

    void tell(String op) {
        tell(Json.createObjectBuilder().add("op", op).build());
    }

    /** Every line printed so far. */
    List<JsonObject> lines() {
        return List.copyOf(lines);
    }

    List<JsonObject> lines(String kind) {
        return lines.stream().filter(line -> kind.equals(line.getString("kind", null))).toList();
    }

    /** The first printed line of the kind that matches, waiting for it. */
    JsonObject awaitLine(String kind, Predicate<JsonObject> condition, String what) {
        return await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    failIfGone();
                    return lines(kind).stream().filter(condition).findFirst();
                }, java.util.Optional::isPresent).orElseThrow();
    }

    JsonObject awaitLine(String kind, String what) {
        return awaitLine(kind, line -> true, what);
    }

    private void failIfGone() {
        if (!process.isAlive() && process.exitValue() != 0) {
            throw new AssertionError("the AMQP client ended with " + process.exitValue() + ": " + this);
        }
    }

    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Asks the client to close its connection and waits for it to end. */
    int exit() throws InterruptedException {
        tell("exit");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the AMQP client did not exit: " + this);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        synchronized (stderr) {
            return "AMQP client: printed " + lines + (unreadable.isEmpty() ? "" : ", unreadable " + unreadable)
                    + (stderr.length() == 0 ? "" : ", stderr:\n" + stderr);
        }
    }
}
