package org.calldesk.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * A Java agent inside Payara Micro's process that ends it when the process that started it is
 * gone, so a launcher killed without warning ({@code kill -9}) leaves no Payara behind on its
 * port, and that bounds how long a stop may take.
 *
 * <p>It watches two things, whichever tells first: standard input, a pipe whose other end only
 * the parent holds (end of file: the parent is gone, whatever killed it), and the parent's process
 * id (for a parent that handed over no pipe). Then the process exits as on {@code SIGTERM}. A stop
 * ({@code SIGTERM}, or the exit above) that takes longer than the grace period, for instance
 * because a shutdown hook keeps trying to reach a broker that is gone, is cut short with
 * {@link Runtime#halt}: what the application committed is in the database, and what it had not
 * committed it must survive losing anyway.
 *
 * <p>Self-contained (JDK classes only): the launcher packs it alone into the agent jar it gives
 * Payara ({@link PayaraMicroProcess}). Agent arguments: {@code parent=PID,grace=SECONDS,stdin=true}.
 */
public final class ParentWatchdog {

    static final String NAME = "calldesk-parent-watchdog";

    private ParentWatchdog() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        premain(arguments);
    }

    public static void premain(String arguments) {
        long parent = -1;
        long graceSeconds = 10;
        boolean watchStdin = false;
        for (String argument : arguments == null ? new String[0] : arguments.split(",")) {
            String[] pair = argument.split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            switch (pair[0].trim()) {
                case "parent" -> parent = Long.parseLong(pair[1].trim());
                case "grace" -> graceSeconds = Long.parseLong(pair[1].trim());
                case "stdin" -> watchStdin = Boolean.parseBoolean(pair[1].trim());
                default -> {
                    // unknown: ignored, so an older agent works with a newer launcher
                }
            }
        }
        long grace = graceSeconds;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> haltAfter(grace), NAME + "-grace"));
        if (watchStdin) {
            daemon(() -> {
                awaitEndOfInput(System.in);
                parentGone("its standard input closed");
            }, NAME + "-stdin").start();
        }
        if (parent > 0) {
            Optional<ProcessHandle> handle = ProcessHandle.of(parent);
            if (handle.isEmpty()) {
                parentGone("process " + parent + " did not exist at start");
            } else {
                long pid = parent;
                handle.get().onExit().thenRun(() -> parentGone("process " + pid + " ended"));
            }
        }
    }

    /** Reads (and drops) everything until the end of the stream or an error reading it. */
    static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing is expected on it; whatever comes is ignored
            }
        } catch (IOException e) {
            // a broken pipe is an end too
        }
    }

    private static void parentGone(String why) {
        System.err.println("CallDesk: the launcher is gone (" + why + "): Payara Micro stops");
        // exit from a thread of its own: exit blocks until the hooks are done, and this may be a hook's caller
        daemon(() -> System.exit(3), NAME + "-exit").start();
    }

    private static void haltAfter(long seconds) {
        Thread halt = daemon(() -> {
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("CallDesk: Payara Micro did not stop within " + seconds + " s: halted");
            Runtime.getRuntime().halt(4);
        }, NAME + "-halt");
        halt.start();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
