package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog in a real child JVM, as Payara Micro gets it: the agent jar the launcher writes,
 * and a main that would otherwise run for ever (and, on request, a shutdown hook that never ends,
 * as a stop blocked on a broker that is gone).
 */
class ParentWatchdogTest {

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    /** A process that runs until it is ended; with "stuck", its stop never finishes by itself. */
    public static final class Forever {
        public static void main(String[] args) throws InterruptedException {
            if (args.length > 0 && args[0].equals("stuck")) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            System.out.println("running");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private Process child(String agentArguments, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + PayaraMicroProcess.watchdogAgent(work) + "=" + agentArguments,
                "-cp", System.getProperty("java.class.path"), Forever.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        // wait for "running": the agent is installed by then
        assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine())
                .isEqualTo("running");
        return process;
    }

    @AfterEach
    void noneLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theChildEndsWhenItsStandardInputClosesAsWhenTheParentIsKilled() throws Exception {
        Process child = child("stdin=true,grace=5");
        assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("runs while the pipe is open").isFalse();
        child.getOutputStream().close(); // what the kernel does to the pipe when the launcher dies, kill -9 or not
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("ended after its parent").isTrue();
    }

    @Test
    void theChildEndsWhenTheParentProcessEnds() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        started.add(parent);
        Process child = child("parent=" + parent.pid() + ",grace=5");
        assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("runs while its parent does").isFalse();
        parent.destroyForcibly().waitFor();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("ended after its parent").isTrue();
    }

    @Test
    void aStopThatHangsIsCutShortAfterTheGracePeriod() throws Exception {
        Process child = child("stdin=true,grace=2", "stuck");
        long begun = System.nanoTime();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("halted after the grace period").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begun)).isGreaterThanOrEqualTo(2).isLessThan(15);
    }

    @Test
    void withoutTheWatchdogAHangingStopWouldNeverEnd() throws Exception {
        // the test above can fail: the same child without the grace period outlives a SIGTERM
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Forever.class.getName(), "stuck");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(child);
        assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine())
                .isEqualTo("running");
        child.destroy();
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isFalse();
    }
}
