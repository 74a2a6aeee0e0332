package org.calldesk.it.wildfly;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A port offset for WildFly ({@code jboss.socket.binding.port-offset}) under which every port
 * standalone-full opens is free now, so parallel builds and the services of the machine never
 * clash with the test's server. Chosen once per test JVM, before Arquillian reads
 * {@code arquillian.xml}, which takes it (and the management port it implies) from the system
 * properties {@value #OFFSET} and {@value #MANAGEMENT_PORT}: register this extension before
 * Arquillian's.
 */
public final class FreeWildFlyPorts implements BeforeAllCallback {

    static final String OFFSET = "it.wildfly.port.offset";
    static final String MANAGEMENT_PORT = "it.wildfly.management.port";

    /** The ports of standalone-full.xml before the offset: IIOP, transactions, AJP, HTTP(S), management. */
    private static final int[] PORTS = {3528, 3529, 4712, 4713, 8009, 8080, 8443, 9990, 9993};
    private static final int MANAGEMENT = 9990;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (System.getProperty(OFFSET) != null) {
            return; // chosen already, or given on the command line
        }
        int offset = freeOffset();
        System.setProperty(OFFSET, String.valueOf(offset));
        System.setProperty(MANAGEMENT_PORT, String.valueOf(MANAGEMENT + offset));
        System.out.printf("wildfly: port offset %d (HTTP %d, management %d)%n", offset, 8080 + offset, MANAGEMENT + offset);
    }

    static int freeOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(10_000, 55_000);
            boolean free = true;
            for (int port : PORTS) {
                free &= isFree(port + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset found under which all of WildFly's ports are free");
    }

    private static boolean isFree(int port) {
        for (InetAddress address : new InetAddress[] {InetAddress.getLoopbackAddress(), anyAddress()}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(address, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
