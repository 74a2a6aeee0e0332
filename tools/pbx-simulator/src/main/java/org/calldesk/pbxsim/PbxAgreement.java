package org.calldesk.pbxsim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The design's first invariant, "the PBX and the application agree", as one check that every
 * test suite runs after each scenario (and the benchmark after each run): it compares the
 * simulator's channels and bridges with CallDesk's calls and agents and lists each way they
 * disagree.
 * <ul>
 * <li>no channel on an agent's phone unless that agent has the channel's call (as its agent or
 * transfer-try target) and the call is not over;</li>
 * <li>no bridge the application does not know: every bridged channel belongs to a call the
 * application has connected (or is connecting);</li>
 * <li>no caller waiting (or held) without a waiting (or holding) call;</li>
 * <li>every open call has a channel on the PBX.</li>
 * </ul>
 * Which call a channel belongs to: the legs CallDesk places carry it in their channel id
 * ({@code calldesk-a-<uuid>-<call>}, {@code calldesk-c-<uuid>-<call>}); every other channel by its
 * linked id, which is the call's id on the PBX.
 *
 * <p>The PBX and the application meet through asynchronous events, so a scenario's last step
 * may still be on its way: {@link #await} checks again until they agree or the time is up.
 */
public final class PbxAgreement {

    /** An agent as the application's REST API shows it. */
    public record AppAgent(String id, String device, String status, String callId) {
    }

    /** A call as the application's REST API shows it. */
    public record AppCall(String id, String pbxCallId, String status, String agentId, String consultAgentId) {

        boolean isOpen() {
            return !"ENDED".equals(status);
        }

        boolean isHandledBy(String agent) {
            return agent != null && (agent.equals(agentId) || agent.equals(consultAgentId));
        }
    }

    /** What the application says at one moment. */
    public record AppView(List<AppAgent> agents, List<AppCall> calls) {
        public AppView {
            agents = List.copyOf(agents);
            calls = List.copyOf(calls);
        }
    }

    private static final Pattern PLACED_LEG = Pattern.compile("calldesk-[ac]-[0-9a-f-]{36}-(.+)");
    private static final Set<String> WAITING = Set.of("WAITING", "OFFERED", "CONNECTING");
    private static final Set<String> HELD = Set.of("HOLDING", "CONSULTING");
    private static final Set<String> BRIDGEABLE = Set.of("CONNECTING", "DIALING", "TALKING", "HOLDING", "CONSULTING");
    private static final Set<String> AGENT_ON_A_CALL = Set.of("ALERTING", "DIALING", "TALKING", "HOLDING");

    private final String waitingContext;
    private final String holdContext;

    /** With the contexts of the simulator's default dialplan (docs/asterisk.md). */
    public PbxAgreement() {
        this("calldesk-inbound", "calldesk-hold");
    }

    public PbxAgreement(String waitingContext, String holdContext) {
        this.waitingContext = Objects.requireNonNull(waitingContext, "waitingContext is required");
        this.holdContext = Objects.requireNonNull(holdContext, "holdContext is required");
    }

    /** The call a channel belongs to, on the PBX's side. */
    static String callOf(ChannelInfo channel) {
        Matcher placed = PLACED_LEG.matcher(channel.uniqueid());
        return placed.matches() ? placed.group(1) : channel.linkedid();
    }

    /** Every way the two disagree now; empty when they agree. */
    public List<String> disagreements(List<ChannelInfo> channels, AppView app) {
        Map<String, AppAgent> agentsByDevice = new HashMap<>();
        app.agents().forEach(agent -> agentsByDevice.put(agent.device(), agent));
        Map<String, AppCall> callsById = new HashMap<>();
        Map<String, AppCall> callsByPbxId = new HashMap<>();
        for (AppCall call : app.calls()) {
            callsById.put(call.id(), call);
            if (call.isOpen() || !callsByPbxId.containsKey(call.pbxCallId())) {
                callsByPbxId.put(call.pbxCallId(), call);
            }
        }
        List<String> found = new ArrayList<>();
        Map<String, List<ChannelInfo>> bridges = new LinkedHashMap<>();
        for (ChannelInfo channel : channels) {
            Optional<AppCall> call = Optional.ofNullable(callsByPbxId.get(callOf(channel)));
            AppAgent agent = agentsByDevice.get(channel.device());
            boolean bridged = channel.bridgeId() != null && !channel.bridgeId().isEmpty();
            if (agent != null) {
                checkAgentChannel(channel, agent, call, callsById, found);
            } else if (bridged) {
                // checked with its bridge below (a caller Bridge() took stays in the context it waited in)
            } else if (waitingContext.equals(channel.context())
                    && call.filter(c -> WAITING.contains(c.status())).isEmpty()) {
                found.add("caller " + describe(channel) + " waits, but the application has " + describe(call));
            } else if (holdContext.equals(channel.context()) && call.filter(c -> HELD.contains(c.status())).isEmpty()) {
                found.add("caller " + describe(channel) + " is on hold, but the application has " + describe(call));
            }
            if (bridged) {
                bridges.computeIfAbsent(channel.bridgeId(), id -> new ArrayList<>()).add(channel);
            }
        }
        bridges.forEach((bridge, members) -> {
            for (ChannelInfo member : members) {
                Optional<AppCall> call = Optional.ofNullable(callsByPbxId.get(callOf(member)));
                if (call.filter(c -> BRIDGEABLE.contains(c.status())).isEmpty()) {
                    found.add("bridge " + bridge + " holds " + describe(member) + ", but the application has "
                            + describe(call));
                }
            }
        });
        Set<String> onPbx = new java.util.HashSet<>();
        channels.forEach(channel -> onPbx.add(callOf(channel)));
        for (AppCall call : app.calls()) {
            if (call.isOpen() && !call.pbxCallId().startsWith("pending:") && !onPbx.contains(call.pbxCallId())) {
                found.add("call " + call.id() + " is " + call.status() + " in the application, but PBX call "
                        + call.pbxCallId() + " has no channel");
            }
        }
        return found;
    }

    private static void checkAgentChannel(ChannelInfo channel, AppAgent agent, Optional<AppCall> call,
                                          Map<String, AppCall> callsById, List<String> found) {
        AppCall agentsCall = agent.callId() == null ? null : callsById.get(agent.callId());
        boolean belongs = call.isPresent() && call.get().isOpen() && call.get().isHandledBy(agent.id())
                && agentsCall == call.get() && AGENT_ON_A_CALL.contains(agent.status());
        if (!belongs) {
            found.add("channel " + describe(channel) + " is up on " + agent.id() + "'s phone, but " + agent.id()
                    + " is " + agent.status() + (agent.callId() == null ? "" : " with call " + agent.callId())
                    + " and the channel's call is " + describe(call));
        }
    }

    private static String describe(ChannelInfo channel) {
        return channel.name() + " (" + channel.uniqueid() + ", in " + channel.context()
                + (channel.bridgeId() == null || channel.bridgeId().isEmpty() ? "" : ", bridge " + channel.bridgeId())
                + ")";
    }

    private static String describe(Optional<AppCall> call) {
        return call.map(c -> "call " + c.id() + " " + c.status() + " (agent " + c.agentId()
                + (c.consultAgentId() == null ? "" : ", transfer try to " + c.consultAgentId()) + ")")
                .orElse("no such call");
    }

    /** The simulator's channels, read from its control API ({@code GET /calls}) at {@code controlApi}. */
    public static Supplier<List<ChannelInfo>> channelsOver(URI controlApi) {
        String base = controlApi.toString().replaceAll("/$", "");
        return () -> {
            List<ChannelInfo> channels = new ArrayList<>();
            for (Object call : list(get(URI.create(base + "/calls"), null))) {
                for (Object value : list(((Map<?, ?>) call).get("channels"))) {
                    Map<?, ?> c = (Map<?, ?>) value;
                    channels.add(new ChannelInfo(text(c, "channel"), text(c, "uniqueid"), text(c, "linkedid"),
                            text(c, "device"), text(c, "state"), text(c, "callerIdNum"), text(c, "callerIdName"),
                            text(c, "connectedLineNum"), text(c, "context"), text(c, "exten"),
                            c.get("priority") instanceof Number n ? n.intValue() : 0, text(c, "application"),
                            text(c, "bridge")));
                }
            }
            return channels;
        };
    }

    /**
     * The application's agents and its most recent calls (up to 500, which holds every open one
     * after a test scenario), read from its REST API at {@code api} ({@code .../api/v1}) as an
     * administrator.
     */
    public static Supplier<AppView> applicationOver(URI api, String user, String password) {
        String base = api.toString().replaceAll("/$", "");
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return () -> {
            List<AppAgent> agents = new ArrayList<>();
            for (Object value : list(get(URI.create(base + "/agents"), authorization))) {
                Map<?, ?> a = (Map<?, ?>) value;
                agents.add(new AppAgent(text(a, "id"), text(a, "device"), text(a, "status"), text(a, "callId")));
            }
            List<AppCall> calls = new ArrayList<>();
            for (Object value : list(get(URI.create(base + "/calls?limit=500"), authorization))) {
                Map<?, ?> c = (Map<?, ?>) value;
                calls.add(new AppCall(text(c, "id"), text(c, "pbxCallId"), text(c, "status"), text(c, "agentId"),
                        text(c, "consultAgentId")));
            }
            return new AppView(agents, calls);
        };
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Object get(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + uri, e);
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String text(Map<?, ?> json, String key) {
        Object value = json.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * Waits until the PBX and the application agree, reading both again every 200 ms.
     *
     * @throws AssertionError listing what still disagrees when {@code patience} ran out
     */
    public void await(Supplier<List<ChannelInfo>> pbx, Supplier<AppView> app, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> found;
        while (true) {
            try {
                found = disagreements(pbx.get(), app.get());
            } catch (RuntimeException e) {
                found = List.of("could not read both sides: " + e.getMessage());
            }
            if (found.isEmpty() || System.nanoTime() - deadline > 0) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the PBX and the application to agree", e);
            }
        }
        if (!found.isEmpty()) {
            throw new AssertionError("The PBX and the application disagree (after " + patience.toSeconds() + " s):\n  "
                    + String.join("\n  ", found));
        }
    }
}
