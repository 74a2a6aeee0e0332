package org.calldesk.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded run's settings: command-line flags ({@code --http-port 8081}) win over environment
 * variables ({@code CALLDESK_HTTP_PORT}), which win over the defaults.
 */
public record LauncherSettings(
        int httpPort,
        Path dataDir,
        String host,
        int amiPort,
        int pbxControlPort,
        int brokerPort,
        String amiUsername,
        String amiSecret,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String maxHeap,
        int crmPort,
        String crmUrl,
        String brokerBind,
        String brokerUser,
        String brokerPassword,
        boolean simulator,
        String amiHost,
        int payaraRestarts) {

    static final String USAGE = """
            usage: java -jar calldesk-launcher-all.jar [options]
              --http-port N         console and REST API port            (CALLDESK_HTTP_PORT, 8080)
              --data DIR            database, broker journal, logs       (CALLDESK_DATA, ./data)
              --simulator on|off    start the PBX simulator; off: connect to a real PBX (CALLDESK_SIMULATOR, on)
              --no-simulator        the same as --simulator off
              --ami-host HOST       the PBX's AMI host; with the simulator only 127.0.0.1 (CALLDESK_AMI_HOST, 127.0.0.1)
              --ami-port N          the PBX's AMI port (the simulator's)  (CALLDESK_AMI_PORT, 5038)
              --ami-user NAME       the AMI user (manager.conf)          (CALLDESK_AMI_USER, calldesk)
              --ami-secret SECRET   its secret, never logged             (CALLDESK_AMI_SECRET, calldesk)
              --pbx-control-port N  the PBX simulator's control API port (CALLDESK_PBX_CONTROL_PORT, 8088)
              --broker-port N       the Artemis broker's port            (CALLDESK_BROKER_PORT, 61616)
              --db-url URL          JDBC URL (H2 file under DIR by default; jdbc:postgresql://... for PostgreSQL)
              --db-user NAME        (CALLDESK_DB_USER, calldesk)
              --db-password SECRET  (CALLDESK_DB_PASSWORD, calldesk)
              --max-heap SIZE       Payara Micro's -Xmx                  (CALLDESK_MAX_HEAP, 768m)
              --crm-port N          the demo CRM's port                  (CALLDESK_CRM_PORT, 8089)
              --crm-url URL         your CRM instead of the demo CRM; 'none' for no CRM (CALLDESK_CRM_URL)
              --broker-bind ADDRESS where the broker listens (CALLDESK_BROKER_BIND, 127.0.0.1); any other
                                    address (0.0.0.0: all) makes the broker refuse anonymous clients
              --broker-user NAME    external systems' broker user (CALLDESK_BROKER_USER, calldesk-integration)
              --broker-password SECRET  its password (CALLDESK_BROKER_PASSWORD); required off loopback
              --payara-restarts N   how often Payara Micro is started again after it dies, within 10 minutes,
                                    before the launcher gives up (CALLDESK_PAYARA_RESTARTS, 5; 0: never)
            """;

    public static LauncherSettings parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (arg.equals("--no-simulator")) {
                values.put("simulator", "off");
                continue;
            }
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option: " + arg);
            }
            values.put(arg.substring(2), args[++i]);
        }
        Path data = Path.of(value(values, env, "data", "./data")).toAbsolutePath().normalize();
        LauncherSettings settings = new LauncherSettings(
                port(values, env, "http-port", 8080),
                data,
                "127.0.0.1",
                port(values, env, "ami-port", 5038),
                port(values, env, "pbx-control-port", 8088),
                port(values, env, "broker-port", 61616),
                value(values, env, "ami-user", "calldesk"),
                value(values, env, "ami-secret", "calldesk"),
                value(values, env, "db-url", "jdbc:h2:file:" + data.resolve("db").resolve("calldesk")),
                value(values, env, "db-user", "calldesk"),
                value(values, env, "db-password", "calldesk"),
                value(values, env, "max-heap", "768m"),
                port(values, env, "crm-port", 8089),
                value(values, env, "crm-url", ""),
                value(values, env, "broker-bind", "127.0.0.1"),
                value(values, env, "broker-user", "calldesk-integration"),
                value(values, env, "broker-password", ""),
                onOff(value(values, env, "simulator", "on"), "simulator"),
                value(values, env, "ami-host", "127.0.0.1"),
                count(value(values, env, "payara-restarts", "5"), "payara-restarts"));
        values.keySet().removeAll(java.util.Set.of("http-port", "data", "ami-port", "pbx-control-port",
                "broker-port", "ami-user", "ami-secret", "db-url", "db-user", "db-password", "max-heap", "crm-port",
                "crm-url", "broker-bind", "broker-user", "broker-password", "simulator", "ami-host", "payara-restarts"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option: --" + values.keySet().iterator().next());
        }
        if (settings.simulator() && !settings.amiHost().equals(settings.host())) {
            throw new IllegalArgumentException("--ami-host " + settings.amiHost() + " names a PBX elsewhere, but the"
                    + " simulator runs here on " + settings.host() + ": add --simulator off to use that PBX");
        }
        if (EmbeddedBroker.requiresCredentials(settings.brokerBind()) && settings.brokerPassword().isEmpty()) {
            throw new IllegalArgumentException("the broker listens on " + settings.brokerBind()
                    + ", not only on loopback: give external systems' broker user a password with --broker-password"
                    + " (CALLDESK_BROKER_PASSWORD)");
        }
        return settings;
    }

    /**
     * Whether the broker authenticates its clients (the production profile): it listens on an
     * address other than loopback, or an integration password was given anyway.
     */
    boolean brokerSecured() {
        return EmbeddedBroker.requiresCredentials(brokerBind) || !brokerPassword.isEmpty();
    }

    /** Never the passwords. */
    @Override
    public String toString() {
        return "LauncherSettings[http " + httpPort + ", data " + dataDir + ", broker " + brokerBind + ":" + brokerPort
                + (brokerSecured() ? " (user " + brokerUser + ")" : "") + ", AMI " + amiUsername + "@" + amiHost + ":"
                + amiPort + (simulator ? " (simulator)" : " (real PBX)") + ", database " + dbUrl + "]";
    }

    /** Whether the launcher starts the demo CRM (no CRM URL of the operator's own). */
    boolean startsDemoCrm() {
        return crmUrl.isBlank();
    }

    /**
     * The data source class Payara should instantiate for the configured JDBC URL: a plain
     * (non-XA) one for either database. The application's business transactions use the
     * database alone (events go out through the outbox), so local transactions serve them
     * without the XA protocol's round trips; the few that also send to the broker (the outbox
     * relay, integration commands) commit the database last (Payara's last-agent optimisation).
     */
    String dataSourceClass() {
        if (dbUrl.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        if (dbUrl.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL): " + dbUrl);
    }

    private static String value(Map<String, String> values, Map<String, String> env, String name, String fallback) {
        String fromArgs = values.get(name);
        if (fromArgs != null) {
            return fromArgs;
        }
        String fromEnv = env.get("CALLDESK_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }

    private static boolean onOff(String text, String name) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be on or off, not '" + text + "'");
        };
    }

    private static int count(String text, String name) {
        try {
            int count = Integer.parseInt(text);
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number (0 or more), not '" + text + "'");
        }
    }

    private static int port(Map<String, String> values, Map<String, String> env, String name, int fallback) {
        String text = value(values, env, name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a TCP port (1-65535), not '" + text + "'");
        }
    }
}
