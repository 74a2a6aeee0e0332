package org.calldesk.it.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a test fails, or the deployment does, prints the warnings and errors of WildFly's log
 * (with their stack traces), so a failed CI run, whose working tree is gone afterwards, still
 * says what the server saw.
 */
public final class ServerLogOnFailure implements TestWatcher, AfterAllCallback {

    private static final Pattern LOG_RECORD = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} ");
    private static final Pattern PROBLEM = Pattern.compile("^\\S+ \\S+ (WARN|ERROR) ");
    private static final int MAX_LINES = 400;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        printProblems(context);
    }

    /** A failure outside the tests: starting WildFly or deploying the EAR. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            printProblems(context);
        }
    }

    private static void printProblems(ExtensionContext context) {
        Path log = Path.of(System.getProperty("it.wildfly.home", "target/wildfly"), "standalone", "log", "server.log");
        if (!Files.isRegularFile(log)) {
            System.err.println("no WildFly log at " + log);
            return;
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            Deque<String> problems = new ArrayDeque<>();
            boolean inProblem = false;
            for (String line : lines) {
                if (LOG_RECORD.matcher(line).find()) {
                    inProblem = PROBLEM.matcher(line).find();
                }
                if (inProblem) {
                    problems.addLast(line);
                    if (problems.size() > MAX_LINES) {
                        problems.removeFirst();
                    }
                }
            }
            String extent = problems.size() == MAX_LINES ? " (the last " + MAX_LINES + " lines)" : "";
            System.err.println("---- " + context.getDisplayName() + " failed; warnings and errors of " + log + extent);
            problems.forEach(System.err::println);
            System.err.println("---- end of WildFly's warnings and errors");
        } catch (IOException e) {
            System.err.println("cannot read " + log + ": " + e);
        }
    }
}
