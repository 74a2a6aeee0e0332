package org.calldesk.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * The message broker alone, in a process of its own: what several application nodes share
 * (docs/operations.md, "Running several nodes"). The same broker as the embedded run's ({@link EmbeddedBroker},
 * same queues, topic and settings); it runs until the process is stopped.
 *
 * <pre>java -cp calldesk-launcher-all.jar org.calldesk.launcher.StandaloneBroker --port 61616 --data ./broker</pre>
 *
 * <p>Several nodes connected to one PBX each send every PBX event to the queue, and the broker's
 * duplicate detection keeps the first copy: the broker's warning for each copy it drops
 * (AMQ222059) is expected then, and is not logged.
 */
public final class StandaloneBroker {

    static final String USAGE = """
            Usage: java -cp calldesk-launcher-all.jar org.calldesk.launcher.StandaloneBroker [options]
              --host ADDRESS                 address to listen on            (CALLDESK_BROKER_HOST, 127.0.0.1)
              --port N                       port (core protocol and AMQP)   (CALLDESK_BROKER_PORT, 61616)
              --data DIR                     journal folder                  (CALLDESK_BROKER_DATA, ./data/broker)
              --application-user U, --application-password P
                                             the application's broker user   (CALLDESK_BROKER_APPLICATION_USER, ..._PASSWORD)
              --integration-user U, --integration-password P
                                             external systems' broker user   (CALLDESK_BROKER_INTEGRATION_USER, ..._PASSWORD)
              Both users are required on any address but loopback.
            """;

    /** Artemis's warning for a message it drops as a duplicate. */
    static final String DUPLICATE_DROPPED = "AMQ222059";

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        Map<String, String> options;
        try {
            options = options(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Path data = Path.of(options.get("data"));
        Files.createDirectories(data);
        EmbeddedBroker broker = EmbeddedBroker.start(data, options.get("host"), Integer.parseInt(options.get("port")),
                credentials(options, "application"), credentials(options, "integration"));
        quietDuplicates();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("CallDesk broker: stopping failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "calldesk-broker-shutdown"));
        System.out.println("CallDesk broker: listening on " + broker.url() + " (journal " + data.toAbsolutePath() + ")");
        stopped.await();
    }

    /** The options, from the command line first, then the environment, then the defaults. */
    static Map<String, String> options(String[] args, Map<String, String> env) {
        Map<String, String> options = new HashMap<>(Map.of("host", "127.0.0.1", "port", "61616", "data", "data/broker"));
        for (String name : new String[] {"host", "port", "data", "application-user", "application-password",
                "integration-user", "integration-password"}) {
            String fromEnv = env.get("CALLDESK_BROKER_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            if (fromEnv != null && !fromEnv.isBlank()) {
                options.put(name, fromEnv);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !(options.containsKey(name) || name.endsWith("-user") || name.endsWith("-password"))
                    || i + 1 >= args.length) {
                throw new IllegalArgumentException(name == null ? "unexpected argument: " + args[i]
                        : "unknown option or missing value: " + args[i]);
            }
            options.put(name, args[++i]);
        }
        int port = Integer.parseInt(options.get("port"));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be 1..65535: " + port);
        }
        return options;
    }

    private static EmbeddedBroker.Credentials credentials(Map<String, String> options, String who) {
        String user = options.get(who + "-user");
        return user == null ? null : new EmbeddedBroker.Credentials(user, options.get(who + "-password"));
    }

    /** The copies several nodes send of one PBX event are expected: not worth a warning each. */
    private static void quietDuplicates() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(DUPLICATE_DROPPED));
        }
    }
}
