package org.calldesk.pbxsim.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The AMI listening socket: accepts clients, greets them with Asterisk's protocol identifier,
 * and fans events out to the sessions that want them.
 *
 * <p>It knows the transport only; what an action means is the {@link ActionHandler}'s business.
 */
public final class AmiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AmiServer.class.getName());

    private final ServerSocket serverSocket;
    private final ActionHandler handler;
    private final int queueCapacity;
    private final long writeTimeoutNanos;
    private final ScheduledExecutorService watchdog;
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    /**
     * Binds the port (0 for an ephemeral one) and starts accepting.
     *
     * @param queueCapacity packets a session may have waiting to be written before it is dropped
     * @param writeTimeout how long a write to a client may block before the client is dropped
     */
    public AmiServer(InetAddress bindAddress, int port, ActionHandler handler, int queueCapacity, Duration writeTimeout)
            throws IOException {
        this.handler = Objects.requireNonNull(handler, "handler is required");
        this.queueCapacity = queueCapacity;
        this.writeTimeoutNanos = writeTimeout.toNanos();
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bindAddress, port), 128);
        this.serverSocket = socket;
        Thread acceptor = new Thread(this::acceptLoop, "pbxsim-ami-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbxsim-ami-watchdog-" + serverSocket.getLocalPort());
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, Math.min(1000, writeTimeout.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::dropStuckSessions, period, period, TimeUnit.MILLISECONDS);
    }

    private void dropStuckSessions() {
        long now = System.nanoTime();
        for (AmiSession session : sessions) {
            if (session.isWriteStuck(now, writeTimeoutNanos)) {
                LOG.warning(() -> "AMI session " + session.id() + " (" + session.remoteAddress()
                        + ") has not read for longer than the write timeout; disconnecting it");
                session.close();
            }
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    /** Sessions currently connected, logged in or not. */
    public List<AmiSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Queues the event on every session that is logged in, may read its class and asked for it. */
    public void publish(AmiEvent event) {
        for (AmiSession session : sessions) {
            if (session.wants(event)) {
                session.send(event.toWire());
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                AmiSession[] holder = new AmiSession[1];
                AmiSession session = new AmiSession(ids.incrementAndGet(), socket, handler, queueCapacity,
                        () -> sessions.remove(holder[0]));
                holder[0] = session;
                sessions.add(session);
                if (closed) {
                    session.close();
                    return;
                }
                session.start("Asterisk Call Manager/" + AsteriskIdentity.AMI_VERSION + "\r\n");
                LOG.fine(() -> "AMI connection from " + session.remoteAddress());
            } catch (SocketException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "AMI accept failed", e);
                }
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "AMI accept failed", e);
            }
        }
    }

    /**
     * Lets every session write what it has queued (at most {@code timeout}), then closes as
     * {@link #close()} does: the end of a clean shutdown, after {@code Event: Shutdown}.
     */
    public void closeAfterWriting(Duration timeout) {
        for (AmiSession session : sessions) {
            session.closeWhenWritten();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    /** Stops listening and drops every connection, as a stopped Asterisk does. */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing AMI server socket", e);
        }
        for (AmiSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    @Override
    public String toString() {
        return "AmiServer[" + serverSocket.getLocalSocketAddress() + ", sessions="
                + sessions.stream().map(AmiSession::toString).collect(Collectors.joining(",")) + "]";
    }
}
