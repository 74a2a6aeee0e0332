package org.calldesk.pbxsim.ami;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection to the AMI port.
 *
 * <p>It owns two threads: a reader that parses action packets and hands them to the
 * {@link ActionHandler}, and a writer that drains a bounded outbound queue to the socket.
 * Everything else (the call model, other sessions) only ever enqueues, so a slow or stuck
 * client never blocks the PBX. A client is disconnected when a write to it stays blocked
 * longer than the write timeout, as Asterisk drops a session that exceeds its
 * {@code writetimeout}, or when its queue fills up, which bounds the memory it can hold.
 *
 * <p>The session also carries the manager state Asterisk keeps per session: whether it has
 * logged in, as whom, its read and write permissions and its event mask.
 */
public final class AmiSession {

    private static final Logger LOG = Logger.getLogger(AmiSession.class.getName());
    private static final int MAX_LINE = 64 * 1024;
    /** Queue item that tells the writer to flush and close; compared by identity. */
    private static final String CLOSE = new String("close");

    private final long id;
    private final Socket socket;
    private final ActionHandler handler;
    private final BlockingQueue<String> outbound;
    private final Runnable onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile boolean authenticated;
    private volatile boolean closing;
    private volatile String username = "";
    private volatile int readPermissions;
    private volatile int writePermissions;
    private volatile int eventMask = EventCategory.ALL;
    private volatile EventFilter eventFilter = EventFilter.NONE;
    private volatile String challenge = "";
    /** When the writer started its current socket write ({@link System#nanoTime()}), 0 when not writing. */
    private volatile long writeStartedNanos;

    AmiSession(long id, Socket socket, ActionHandler handler, int queueCapacity, Runnable onClosed) {
        this.id = id;
        this.socket = socket;
        this.handler = handler;
        this.outbound = new ArrayBlockingQueue<>(queueCapacity);
        this.onClosed = onClosed;
    }

    void start(String greeting) {
        outbound.add(greeting);
        Thread writer = new Thread(this::writeLoop, "pbxsim-ami-writer-" + id);
        writer.setDaemon(true);
        writer.start();
        Thread reader = new Thread(this::readLoop, "pbxsim-ami-reader-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    public long id() {
        return id;
    }

    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /** Marks the session logged in as {@code user} with its manager.conf permissions. */
    public void authenticate(String user, int read, int write) {
        this.username = user;
        this.readPermissions = read;
        this.writePermissions = write;
        this.authenticated = true;
    }

    public String username() {
        return username;
    }

    public int writePermissions() {
        return writePermissions;
    }

    public int eventMask() {
        return eventMask;
    }

    public void eventMask(int mask) {
        this.eventMask = mask;
    }

    /** The user's manager.conf {@code eventfilter} lines, applied from login on. */
    public void eventFilter(EventFilter filter) {
        this.eventFilter = java.util.Objects.requireNonNull(filter, "filter is required");
    }

    public String challenge() {
        return challenge;
    }

    public void challenge(String value) {
        this.challenge = value;
    }

    /** True once the session is being shut down; further actions from it are ignored. */
    public boolean isClosing() {
        return closing || closed.get();
    }

    /**
     * Whether Asterisk would send this event to this session: logged in, allowed to read it, asked
     * for it, and let through by the user's event filters.
     */
    public boolean wants(AmiEvent event) {
        int flag = event.category().flag();
        return authenticated && !isClosing() && (readPermissions & flag) != 0 && (eventMask & flag) != 0
                && eventFilter.allows(event);
    }

    /**
     * Queues a complete packet for the writer. Never blocks: if the queue is full the client is
     * not keeping up and the session is closed.
     */
    public void send(String packet) {
        if (closed.get()) {
            return;
        }
        if (!outbound.offer(packet)) {
            LOG.warning(() -> "AMI session " + id + " (" + remoteAddress() + ") is not reading its events; disconnecting it");
            close();
        }
    }

    public void send(AmiMessage message) {
        send(message.toWire());
    }

    /** Sends a last packet, then closes the connection once it is written (Logoff, failed Login). */
    public void sendThenClose(String packet) {
        closing = true;
        send(packet);
        if (!closed.get() && !outbound.offer(CLOSE)) {
            close();
        }
    }

    /** Closes the connection once what is queued now is written. */
    public void closeWhenWritten() {
        closing = true;
        if (!closed.get() && !outbound.offer(CLOSE)) {
            close();
        }
    }

    /** Stops reading further actions without closing yet (the failed-Login delay). */
    public void stopReading() {
        closing = true;
    }

    /** Closes the socket now; queued packets are dropped. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closing = true;
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing AMI socket", e);
            }
            outbound.clear();
            outbound.offer(CLOSE);
            onClosed.run();
        }
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            AmiMessage current = new AmiMessage();
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) != -1) {
                if (b != '\n') {
                    if (line.size() >= MAX_LINE) {
                        LOG.warning(() -> "AMI session " + id + " sent a line longer than " + MAX_LINE + " bytes; disconnecting it");
                        return;
                    }
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (!text.isEmpty()) {
                    current.addLine(text);
                    continue;
                }
                if (current.size() > 0 && !closing) {
                    handler.onAction(this, current);
                }
                current = new AmiMessage();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "AMI session " + id + " read ended", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AMI session " + id + " failed", e);
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 16 * 1024)) {
            while (true) {
                String packet = outbound.take();
                writeStartedNanos = System.nanoTime();
                if (packet == CLOSE) {
                    out.flush();
                    break;
                }
                out.write(packet);
                if (outbound.isEmpty()) {
                    out.flush();
                }
                writeStartedNanos = 0;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "AMI session " + id + " write ended", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /**
     * Whether the writer has been stuck in one socket write for longer than {@code timeoutNanos}:
     * the client stopped reading (Asterisk's {@code writetimeout}).
     */
    boolean isWriteStuck(long nowNanos, long timeoutNanos) {
        long started = writeStartedNanos;
        return started != 0 && nowNanos - started > timeoutNanos;
    }

    @Override
    public String toString() {
        return "AmiSession[" + id + ", " + remoteAddress() + (authenticated ? ", " + username : "") + "]";
    }
}
