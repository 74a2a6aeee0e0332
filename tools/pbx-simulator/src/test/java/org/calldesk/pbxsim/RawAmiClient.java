package org.calldesk.pbxsim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare AMI client over a socket, for checking the bytes on the wire where asterisk-java
 * would hide them (the greeting, exact messages, the connection being closed).
 */
final class RawAmiClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final String greeting;

    RawAmiClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        greeting = in.readLine();
    }

    String greeting() {
        return greeting;
    }

    /** Sends an action given as name/value pairs. */
    void send(String... headers) throws IOException {
        StringBuilder packet = new StringBuilder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            packet.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        out.write(packet.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the next packet as an ordered map (repeated names get a numeric suffix), or null at end of stream. */
    Map<String, String> read() throws IOException {
        Map<String, String> packet = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (packet.isEmpty()) {
                    continue;
                }
                return packet;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            String key = name;
            for (int n = 2; packet.containsKey(key); n++) {
                key = name + n;
            }
            packet.put(key, value);
        }
        return packet.isEmpty() ? null : packet;
    }

    /** Reads packets until a response (skipping events). */
    Map<String, String> readResponse() throws IOException {
        while (true) {
            Map<String, String> packet = read();
            if (packet == null || packet.containsKey("Response")) {
                return packet;
            }
        }
    }

    /** Reads packets until the named event; null if the connection ends first. */
    Map<String, String> readEvent(String event) throws IOException {
        while (true) {
            Map<String, String> packet = read();
            if (packet == null || event.equals(packet.get("Event"))) {
                return packet;
            }
        }
    }

    /** True if the server closes the connection within the socket timeout without sending more. */
    boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void login(String user, String secret, String events) throws IOException {
        if (events == null) {
            send("Action", "Login", "Username", user, "Secret", secret);
        } else {
            send("Action", "Login", "Username", user, "Secret", secret, "Events", events);
        }
        Map<String, String> response = readResponse();
        if (!"Success".equals(response.get("Response"))) {
            throw new IOException("login refused: " + response);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
