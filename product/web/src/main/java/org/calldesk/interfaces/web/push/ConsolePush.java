package org.calldesk.interfaces.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.calldesk.contract.json.WireJson;

/**
 * Forwards a contact-center event to the consoles that show it, over the Faces WebSocket: to
 * every open console of the agents concerned (channel {@code console}, one per signed-in user),
 * and agent changes also to the supervisors' pages (channel {@code supervision}). Only a hint
 * goes to the browser (what changed, its sequence); the page then reads the state itself, with
 * the signed-in agent's rights.
 *
 * <p>Who is concerned: the agent an agent event is about; the agent who has a call and the one
 * consulted on it; the assignee of a ticket. Only those with a console open on this node are
 * sent anything, and an event is not even read while no push connection is open here
 * ({@link OpenConsoles}).
 */
@ApplicationScoped
public class ConsolePush {

    public static final String CONSOLE_CHANNEL = "console";
    public static final String SUPERVISION_CHANNEL = "supervision";

    @Inject
    @Push(channel = CONSOLE_CHANNEL)
    PushContext console;

    @Inject
    @Push(channel = SUPERVISION_CHANNEL)
    PushContext supervision;

    @Inject
    OpenConsoles open;

    /**
     * @param eventJson an event as published on the events topic (docs/events.md)
     * @throws IllegalArgumentException when it is not such an event
     */
    public void forward(String eventJson) {
        if (!open.any()) {
            return; // no console open on this node: nobody to tell
        }
        JsonObject event = read(eventJson);
        JsonObject subject = event.getJsonObject("subject");
        JsonObject data = event.getJsonObject("data");
        if (subject == null || data == null) {
            throw new IllegalArgumentException("an event needs subject and data");
        }
        String kind = subject.getString("kind", "");
        Map<String, Object> hint = new LinkedHashMap<>();
        hint.put("kind", kind);
        hint.put("type", event.getString("type", kind));
        hint.put("subject", subject.getString("id", ""));
        hint.put("sequence", event.containsKey("sequence") ? event.getJsonNumber("sequence").longValue() : 0L);

        Set<String> users = open.withConsoleOpen(concerned(kind, subject, data));
        if (!users.isEmpty()) {
            console.send(hint, users);
        }
        if ("agent".equals(kind) && open.anyOn(SUPERVISION_CHANNEL)) {
            supervision.send(hint);
        }
    }

    static Set<String> concerned(String kind, JsonObject subject, JsonObject data) {
        Set<String> users = new LinkedHashSet<>();
        switch (kind) {
            case "agent":
                users.add(subject.getString("id", ""));
                break;
            case "call":
                addIfPresent(users, data, "agentId");
                addIfPresent(users, data, "consultAgentId");
                break;
            case "ticket":
                addIfPresent(users, data, "assigneeId");
                break;
            default:
                break;
        }
        users.remove("");
        return users;
    }

    private static void addIfPresent(Set<String> users, JsonObject data, String field) {
        if (data.containsKey(field) && !data.isNull(field)) {
            users.add(data.getString(field));
        }
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = WireJson.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("not an event: " + e.getMessage(), e);
        }
    }
}
