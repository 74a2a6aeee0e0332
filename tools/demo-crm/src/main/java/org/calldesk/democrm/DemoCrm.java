package org.calldesk.democrm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A CRM just big enough to show the integration: it knows a few customers by phone number (the
 * screen pop asks {@code GET /customers?phone=...}) and keeps the ticket changes CallDesk pushes
 * ({@code POST /ticket-events} with an {@code Idempotency-Key}), each key once. Its control
 * endpoint takes it down or makes it slow, to watch the product cope.
 *
 * <p>No dependencies beyond the JDK, so the launcher and tests start it in-process.
 */
public final class DemoCrm implements AutoCloseable {

    /** How the CRM answers: normally, with 503 to everything, or after a delay. */
    public enum Mode { UP, DOWN, SLOW }

    /** A ticket change as received: its idempotency key and the JSON body. */
    public record TicketEvent(String idempotencyKey, String body) {
    }

    private static final Map<String, String[]> DEMO_CUSTOMERS = Map.of(
            "01012345678", new String[] {"C-1001", "Kim Minji", "Hanbit Trading"},
            "01099998888", new String[] {"C-1002", "Lee Junho", "Seoul Logistics"},
            "01055556666", new String[] {"C-1003", "Park Soyeon", null});

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "demo-crm");
        thread.setDaemon(true);
        return thread;
    });
    private final List<TicketEvent> ticketEvents = new ArrayList<>();
    private final Map<String, TicketEvent> byKey = new LinkedHashMap<>();
    private volatile Mode mode = Mode.UP;
    private volatile long slowMillis = 3000;

    private DemoCrm(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.setExecutor(executor);
        server.createContext("/customers", this::customers);
        server.createContext("/ticket-events", this::ticketEvents);
        server.createContext("/control", this::control);
    }

    /** Starts a demo CRM on {@code host:port} (port 0: any free port). */
    public static DemoCrm start(String host, int port) throws IOException {
        DemoCrm crm = new DemoCrm(host, port);
        crm.server.start();
        return crm;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL for {@code calldesk.crm.url}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void slowBy(long millis) {
        this.slowMillis = millis;
        this.mode = Mode.SLOW;
    }

    /** Every ticket change accepted, in the order it arrived, each idempotency key once. */
    public synchronized List<TicketEvent> ticketEvents() {
        return List.copyOf(ticketEvents);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void customers(HttpExchange exchange) throws IOException {
        if (!answerable(exchange)) {
            return;
        }
        String phone = query(exchange).getOrDefault("phone", "").replaceAll("[^0-9+]", "");
        String[] customer = DEMO_CUSTOMERS.get(phone);
        String body = customer == null ? "[]" : "[" + customerJson(customer) + "]";
        respond(exchange, 200, body);
    }

    private void ticketEvents(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            respond(exchange, 200, ticketEvents().stream()
                    .map(event -> "{\"idempotencyKey\":" + quote(event.idempotencyKey()) + ",\"event\":" + event.body() + "}")
                    .collect(Collectors.joining(",", "[", "]")));
            return;
        }
        if (!answerable(exchange)) {
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (key == null || key.isBlank()) {
            respond(exchange, 400, "{\"error\":\"Idempotency-Key header required\"}");
            return;
        }
        boolean seen;
        synchronized (this) {
            seen = byKey.containsKey(key);
            if (!seen) {
                TicketEvent event = new TicketEvent(key, body);
                byKey.put(key, event);
                ticketEvents.add(event);
            }
        }
        respond(exchange, seen ? 200 : 201, "{\"idempotencyKey\":" + quote(key) + ",\"duplicate\":" + seen + "}");
    }

    /** {@code POST /control?mode=up|down|slow&millis=3000}. */
    private void control(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String requested = query.getOrDefault("mode", "up").toUpperCase(java.util.Locale.ROOT);
        try {
            mode = Mode.valueOf(requested);
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "{\"error\":\"mode is up, down or slow\"}");
            return;
        }
        if (query.containsKey("millis")) {
            slowMillis = Long.parseLong(query.get("millis"));
        }
        respond(exchange, 200, "{\"mode\":\"" + mode.name().toLowerCase(java.util.Locale.ROOT) + "\"}");
    }

    private boolean answerable(HttpExchange exchange) throws IOException {
        if (mode == Mode.DOWN) {
            respond(exchange, 503, "{\"error\":\"the demo CRM is down (POST /control?mode=up)\"}");
            return false;
        }
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    private String customerJson(String[] customer) {
        StringBuilder json = new StringBuilder("{\"id\":").append(quote(customer[0]))
                .append(",\"name\":").append(quote(customer[1]));
        if (customer[2] != null) {
            json.append(",\"company\":").append(quote(customer[2]));
        }
        return json.append(",\"url\":").append(quote(url() + "customers/" + customer[0])).append('}').toString();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code java -jar calldesk-demo-crm.jar [port]}: a demo CRM on 127.0.0.1 (port 8089 by default). */
    public static void main(String[] args) throws IOException {
        DemoCrm crm = start("127.0.0.1", args.length > 0 ? Integer.parseInt(args[0]) : 8089);
        System.out.println("demo CRM at " + crm.url());
    }
}
