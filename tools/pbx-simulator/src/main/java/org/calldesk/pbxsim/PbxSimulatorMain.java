package org.calldesk.pbxsim;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.calldesk.pbxsim.ami.AsteriskIdentity;
import org.calldesk.pbxsim.pbx.Behaviour;

/**
 * {@code java -jar calldesk-pbx-simulator.jar}: runs the simulator standalone, for demos and
 * for pointing a CallDesk server at it, until the process is stopped.
 */
public final class PbxSimulatorMain {

    static final String USAGE = "usage: java -jar calldesk-pbx-simulator.jar [--ami-port 5038] [--http-port 8088|-1]"
            + " [--bind 127.0.0.1] [--username calldesk] [--secret calldesk] [--permissions all|contract]"
            + " [--phone-answer-ms 200] [--customer-answer-ms 1000] [--auth-failure-delay-ms 1000]"
            + " [--timestamp-events yes|no] [--manager-debug yes|no] [--event-filter contract|none|REGEX ...]";

    private PbxSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PbxSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(USAGE);
            return;
        }
        PbxSimulator simulator = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "pbxsim-shutdown"));
        printListening(simulator, System.out);
        stopped.await();
    }

    static void printListening(PbxSimulator simulator, PrintStream out) {
        String host = simulator.bindAddress().getHostAddress();
        out.println("CallDesk PBX simulator (Asterisk Call Manager/" + AsteriskIdentity.AMI_VERSION + ")");
        out.println("AMI listening on " + host + ":" + simulator.amiPort());
        if (simulator.httpPort() >= 0) {
            out.println("Control API on http://" + host + ":" + simulator.httpPort() + "/ (try GET /health)");
        }
        out.flush();
    }

    /** Parses the flags; null means help was asked for. */
    static PbxSimulator.Builder parse(String[] args) {
        PbxSimulator.Builder builder = PbxSimulator.builder();
        java.util.List<String> eventFilter = new java.util.ArrayList<>(); // --event-filter may repeat
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--ami-port" -> builder.amiPort(number(flag, value));
                case "--http-port" -> builder.httpPort(number(flag, value));
                case "--bind" -> builder.bindAddress(address(value));
                case "--username" -> builder.credentials(value, secretOf(args));
                case "--secret" -> builder.credentials(usernameOf(args), value);
                case "--permissions" -> {
                    if (value.equals("contract")) {
                        builder.permissions(PbxSimulator.Builder.CONTRACT_READ, PbxSimulator.Builder.CONTRACT_WRITE);
                    } else {
                        builder.permissions(value, value);
                    }
                }
                case "--phone-answer-ms" -> builder.phoneBehaviour(Behaviour.answerAfter(number(flag, value)));
                case "--customer-answer-ms" -> builder.customerBehaviour(Behaviour.answerAfter(number(flag, value)));
                case "--auth-failure-delay-ms" -> builder.authFailureDelay(Duration.ofMillis(number(flag, value)));
                case "--timestamp-events" -> builder.timestampEvents(yes(value));
                case "--manager-debug" -> builder.managerDebug(yes(value));
                case "--event-filter" -> {
                    eventFilter.addAll(switch (value) {
                        case "contract" -> PbxSimulator.Builder.CONTRACT_EVENT_FILTER;
                        case "none" -> java.util.List.of();
                        default -> java.util.List.of(value);
                    });
                    builder.eventFilter(eventFilter);
                }
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return builder;
    }

    private static String usernameOf(String[] args) {
        return valueOf(args, "--username", "calldesk");
    }

    private static String secretOf(String[] args) {
        return valueOf(args, "--secret", "calldesk");
    }

    private static String valueOf(String[] args, String flag, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** A yes/no flag's value: "yes" or "true" (any case) is yes, anything else no. */
    private static boolean yes(String value) {
        return value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true");
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not '" + value + "'");
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown address " + value);
        }
    }
}
