package org.calldesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --pin}: the application (Payara Micro's process) on one core, the benchmark's own
 * processes (broker, PBX simulator, bots, in this JVM) on the other, with util-linux's
 * {@code taskset}, so the application's CPU per call is its own and not shared with the load
 * generator. Before the application starts this process is moved to the application's core, so
 * that the child inherits it and sizes itself (GC and pool threads) for one core; once it runs,
 * this process (every thread, {@code -a}) moves to the other core. Threads created later inherit
 * their creator's core.
 */
final class Pinning {

    static final int APPLICATION_CORE = 0;
    static final int BENCH_CORE = 1;

    private final String taskset;

    private Pinning(String taskset) {
        this.taskset = taskset;
    }

    /** Why pinning cannot be done here, or empty when it can. */
    static Optional<String> whyNot(Optional<String> taskset, int cores) {
        if (taskset.isEmpty()) {
            return Optional.of("no taskset on the PATH (Debian: apt-get install util-linux)");
        }
        if (cores < 2) {
            return Optional.of("only " + cores + " core available to this process; pinning needs two");
        }
        return Optional.empty();
    }

    /** Pinning if it can be done, else empty with the reason printed. */
    static Optional<Pinning> ifPossible() {
        Optional<String> taskset = onPath("taskset");
        Optional<String> reason = whyNot(taskset, Runtime.getRuntime().availableProcessors());
        if (reason.isPresent()) {
            System.out.println("bench: --pin skipped: " + reason.get() + "; the application and the benchmark share every core");
            return Optional.empty();
        }
        return Optional.of(new Pinning(taskset.get()));
    }

    /** The {@code taskset} command moving every thread of a process to one core. */
    static List<String> command(String taskset, long pid, int core) {
        return List.of(taskset, "-a", "-p", "-c", Integer.toString(core), Long.toString(pid));
    }

    /** Before the application starts: this process on the application's core, for the child to inherit. */
    void beforeApplication() throws IOException, InterruptedException {
        run(command(taskset, ProcessHandle.current().pid(), APPLICATION_CORE));
    }

    /** Once the application runs: it on its core (again, every thread), this process on the other. */
    void afterApplication(long applicationPid) throws IOException, InterruptedException {
        run(command(taskset, applicationPid, APPLICATION_CORE));
        run(command(taskset, ProcessHandle.current().pid(), BENCH_CORE));
        System.out.printf("bench: pinned: the application (pid %d) on core %d, the benchmark (broker, simulator, bots)"
                + " on core %d%n", applicationPid, APPLICATION_CORE, BENCH_CORE);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Optional<String> onPath(String program) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(java.io.File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        return dirs.stream().map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst().map(Path::toString);
    }
}
