package org.calldesk.pbxsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.calldesk.pbxsim.pbx.Behaviour;
import org.calldesk.pbxsim.pbx.DeviceInfo;
import org.calldesk.pbxsim.pbx.LoadGenerator;
import org.calldesk.pbxsim.pbx.LoadProfile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator's HTTP control API: what a test, a demo or a load generator uses to play the
 * customers and phones, with JSON in and out.
 *
 * <p>It runs on the JDK's {@code com.sun.net.httpserver} so the simulator stays free of
 * dependencies. Each request is a thin translation to the {@link PbxSimulator} Java API.
 * Errors are JSON too: {@code {"error": "..."}} with 400, 404, 405 or 409.
 */
final class ControlApi implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControlApi.class.getName());
    private static final int MAX_BODY = 64 * 1024;

    /** A request that cannot be served, with its HTTP status. */
    static final class HttpError extends RuntimeException {
        private final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private record Reply(int status, Object body) {
    }

    private final PbxSimulator simulator;
    private final HttpServer server;
    private final ExecutorService executor;

    ControlApi(PbxSimulator simulator, InetAddress bindAddress, int port) throws IOException {
        this.simulator = simulator;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "pbxsim-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        this.server.setExecutor(executor);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = route(exchange.getRequestMethod(), pathSegments(exchange), readBody(exchange));
        } catch (HttpError e) {
            reply = new Reply(e.status, error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            reply = new Reply(400, error(e.getMessage()));
        } catch (IllegalStateException e) {
            reply = new Reply(409, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "control API request failed", e);
            reply = new Reply(500, error(String.valueOf(e)));
        }
        send(exchange, reply);
    }

    private Reply route(String method, List<String> path, String body) {
        if (path.isEmpty()) {
            throw new HttpError(404, "no such resource; see GET /health, /calls");
        }
        switch (path.get(0)) {
            case "health":
                requireMethod(method, "GET");
                return new Reply(200, health());
            case "calls":
                return calls(method, path, body);
            case "phones":
                return phones(method, path, body);
            case "customers":
                return customers(method, path, body);
            case "load":
                return load(method, path, body);
            default:
                throw new HttpError(404, "no such resource: /" + String.join("/", path));
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", simulator.isRunning() ? "UP" : "DOWN");
        out.put("amiPort", simulator.amiPort());
        out.put("httpPort", simulator.httpPort());
        out.put("amiConnections", simulator.amiConnections());
        out.put("channels", simulator.isRunning() ? simulator.channelCount() : 0);
        return out;
    }

    private Reply calls(String method, List<String> path, String body) {
        if (path.size() == 1) {
            if (method.equals("GET")) {
                List<Object> calls = new ArrayList<>();
                for (CallInfo call : simulator.calls()) {
                    calls.add(json(call));
                }
                return new Reply(200, calls);
            }
            requireMethod(method, "POST");
            Map<String, Object> request = Json.parseObject(body);
            String from = requiredString(request, "from");
            String to = requiredString(request, "to");
            String name = optionalString(request, "name", "");
            ChannelInfo channel = simulator.inboundCall(from, name, to);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", channel.callId());
            out.put("channel", channel.name());
            out.put("uniqueid", channel.uniqueid());
            return new Reply(201, out);
        }
        String id = path.get(1);
        if (path.size() == 2) {
            requireMethod(method, "GET");
            CallInfo call = simulator.call(id).orElseThrow(() -> new HttpError(404, "no such call: " + id));
            return new Reply(200, json(call));
        }
        if (path.size() == 3 && path.get(2).equals("hangup")) {
            requireMethod(method, "POST");
            if (!simulator.hangupCall(id)) {
                throw new HttpError(404, "no such call: " + id);
            }
            return new Reply(204, null);
        }
        throw new HttpError(404, "no such resource: /" + String.join("/", path));
    }

    private Reply phones(String method, List<String> path, String body) {
        if (path.size() == 1) {
            requireMethod(method, "GET");
            List<Object> phones = new ArrayList<>();
            for (DeviceInfo phone : simulator.phones()) {
                phones.add(json(phone));
            }
            return new Reply(200, phones);
        }
        if (path.size() != 2) {
            throw new HttpError(404, "no such resource: /" + String.join("/", path));
        }
        String device = path.get(1);
        if (method.equals("GET")) {
            DeviceInfo phone = simulator.device(device).orElseThrow(() -> new HttpError(404, "no such phone: " + device));
            return new Reply(200, json(phone));
        }
        requireMethod(method, "PUT");
        Map<String, Object> request = Json.parseObject(body);
        checkKeys(request, "registered", "answer", "afterMs", "hangupAfterMs");
        DeviceInfo current = simulator.device(device).orElse(null);
        Behaviour base = current != null ? current.behaviour() : simulator.phones().isEmpty()
                ? Behaviour.answerAfter(200) : simulator.phones().get(0).behaviour();
        DeviceInfo updated = current;
        if (request.containsKey("answer") || request.containsKey("afterMs") || request.containsKey("hangupAfterMs")) {
            updated = simulator.setPhoneBehaviour(device, merge(base, request));
        }
        if (request.containsKey("registered")) {
            Object registered = request.get("registered");
            if (!(registered instanceof Boolean)) {
                throw new IllegalArgumentException("\"registered\" must be true or false");
            }
            updated = simulator.setPhoneRegistered(device, (Boolean) registered);
        }
        if (updated == null) {
            updated = simulator.setPhoneBehaviour(device, base);
        }
        return new Reply(200, json(updated));
    }

    private Reply customers(String method, List<String> path, String body) {
        if (path.size() == 1) {
            requireMethod(method, "GET");
            List<Object> customers = new ArrayList<>();
            simulator.scriptedCustomers().forEach((number, behaviour) -> customers.add(json(number, behaviour, true)));
            return new Reply(200, customers);
        }
        if (path.size() != 2) {
            throw new HttpError(404, "no such resource: /" + String.join("/", path));
        }
        String number = path.get(1);
        switch (method) {
            case "GET":
                return new Reply(200, json(number, simulator.customerBehaviour(number),
                        simulator.scriptedCustomers().containsKey(number)));
            case "PUT": {
                Map<String, Object> request = Json.parseObject(body);
                checkKeys(request, "answer", "afterMs", "hangupAfterMs");
                Behaviour behaviour = merge(simulator.customerBehaviour(number), request);
                simulator.setCustomerBehaviour(number, behaviour);
                return new Reply(200, json(number, behaviour, true));
            }
            case "DELETE":
                simulator.setCustomerBehaviour(number, null);
                return new Reply(204, null);
            default:
                throw new HttpError(405, "method " + method + " not allowed here; use GET, PUT or DELETE");
        }
    }

    private Reply load(String method, List<String> path, String body) {
        if (path.size() != 1) {
            throw new HttpError(404, "no such resource: /" + String.join("/", path));
        }
        switch (method) {
            case "POST": {
                Map<String, Object> request = Json.parseObject(body);
                checkKeys(request, "callsPerSecond", "durationSeconds", "services", "holdMs", "maxChannels");
                Object rate = request.get("callsPerSecond");
                Object seconds = request.get("durationSeconds");
                if (!(rate instanceof Number) || !(seconds instanceof Number)) {
                    throw new IllegalArgumentException("\"callsPerSecond\" and \"durationSeconds\" (numbers) are required");
                }
                List<String> services = new ArrayList<>();
                Object list = request.getOrDefault("services", List.of("15880001"));
                if (!(list instanceof List<?> items) || items.isEmpty()) {
                    throw new IllegalArgumentException("\"services\" must be a non-empty list of numbers");
                }
                for (Object item : items) {
                    services.add(String.valueOf(item));
                }
                long hold = request.containsKey("holdMs") ? millis(request, "holdMs") : 10_000;
                long max = request.containsKey("maxChannels") ? millis(request, "maxChannels") : 20_000;
                LoadProfile profile = new LoadProfile(((Number) rate).doubleValue(),
                        java.time.Duration.ofMillis(Math.round(((Number) seconds).doubleValue() * 1000)), services, hold,
                        (int) Math.min(Integer.MAX_VALUE, max));
                return new Reply(202, json(simulator.startLoad(profile)));
            }
            case "GET":
                return new Reply(200, json(simulator.currentLoad().orElseThrow(() -> new HttpError(404, "no load started"))));
            case "DELETE": {
                LoadGenerator load = simulator.currentLoad().orElseThrow(() -> new HttpError(404, "no load started"));
                load.stop();
                return new Reply(200, json(load));
            }
            default:
                throw new HttpError(405, "method " + method + " not allowed here; use POST, GET or DELETE");
        }
    }

    private Map<String, Object> json(LoadGenerator load) {
        LoadProfile profile = load.profile();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("callsPerSecond", profile.callsPerSecond());
        out.put("durationSeconds", profile.duration().toMillis() / 1000.0);
        out.put("services", profile.serviceNumbers());
        out.put("holdMs", profile.holdMillis());
        out.put("maxChannels", profile.maxChannels());
        out.put("startedAt", load.startedAt().toString());
        out.put("placed", load.placed());
        out.put("skipped", load.skipped());
        out.put("finished", load.isFinished());
        out.put("channels", simulator.isRunning() ? simulator.channelCount() : 0);
        return out;
    }

    /** Applies {@code answer}, {@code afterMs} and {@code hangupAfterMs} from a request over a behaviour. */
    static Behaviour merge(Behaviour base, Map<String, Object> request) {
        Behaviour.Answer answer = base.answer();
        if (request.containsKey("answer")) {
            Object value = request.get("answer");
            try {
                answer = Behaviour.Answer.parse(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"answer\" must be \"after\", \"busy\" or \"never\", not " + value);
            }
        }
        long after = request.containsKey("afterMs") ? millis(request, "afterMs") : base.answerAfterMillis();
        long hangup = request.containsKey("hangupAfterMs") ? millis(request, "hangupAfterMs") : base.hangupAfterMillis();
        return new Behaviour(answer, after, hangup);
    }

    private static long millis(Map<String, Object> request, String name) {
        Object value = request.get(name);
        if (!(value instanceof Long) || (Long) value < 0) {
            throw new IllegalArgumentException("\"" + name + "\" must be a whole number of milliseconds, 0 or more");
        }
        return (Long) value;
    }

    private static void checkKeys(Map<String, Object> request, String... allowed) {
        List<String> names = List.of(allowed);
        for (String key : request.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("unknown field \"" + key + "\"; allowed: " + String.join(", ", names));
            }
        }
    }

    static Map<String, Object> json(DeviceInfo device) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device", device.device());
        out.put("registered", device.registered());
        out.put("state", device.state());
        putBehaviour(out, device.behaviour());
        return out;
    }

    static Map<String, Object> json(String number, Behaviour behaviour, boolean scripted) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", number);
        out.put("scripted", scripted);
        putBehaviour(out, behaviour);
        return out;
    }

    private static void putBehaviour(Map<String, Object> out, Behaviour behaviour) {
        out.put("answer", behaviour.answer().name().toLowerCase(java.util.Locale.ROOT));
        out.put("afterMs", behaviour.answerAfterMillis());
        out.put("hangupAfterMs", behaviour.hangupAfterMillis());
    }

    static Map<String, Object> json(CallInfo call) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", call.id());
        List<Object> channels = new ArrayList<>();
        for (ChannelInfo c : call.channels()) {
            channels.add(json(c));
        }
        out.put("channels", channels);
        return out;
    }

    static Map<String, Object> json(ChannelInfo c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channel", c.name());
        out.put("uniqueid", c.uniqueid());
        out.put("linkedid", c.linkedid());
        out.put("device", c.device());
        out.put("state", c.state());
        out.put("callerIdNum", c.callerIdNum());
        out.put("callerIdName", c.callerIdName());
        out.put("connectedLineNum", c.connectedLineNum());
        out.put("context", c.context());
        out.put("exten", c.exten());
        out.put("priority", c.priority());
        out.put("application", c.application());
        out.put("bridge", c.bridgeId());
        return out;
    }

    static String requiredString(Map<String, Object> request, String name) {
        Object value = request.get(name);
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new IllegalArgumentException("\"" + name + "\" (a non-empty string) is required");
        }
        return (String) value;
    }

    static String optionalString(Map<String, Object> request, String name, String fallback) {
        Object value = request.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string");
        }
        return (String) value;
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new HttpError(405, "method " + method + " not allowed here; use " + allowed);
        }
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", message);
        return out;
    }

    /** The path split on '/', each segment URL-decoded (so {@code PJSIP%2F1001} is one segment). */
    private static List<String> pathSegments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String part : raw.split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new HttpError(413, "request body larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            byte[] bytes = Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
