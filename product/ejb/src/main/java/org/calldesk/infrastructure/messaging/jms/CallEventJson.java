package org.calldesk.infrastructure.messaging.jms;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.EndCause;
import org.calldesk.contract.json.WireJson;

/**
 * Writes the PBX's call events to the JSON kept on the PBX events queue, and reads them back.
 * JSON rather than Java serialization keeps the queue readable with any broker tool and free of
 * deserialization risks.
 */
final class CallEventJson {

    private CallEventJson() {
    }

    static String write(CallEvent event) {
        JsonObjectBuilder json = WireJson.PROVIDER.createObjectBuilder()
                .add("type", event.getClass().getSimpleName())
                .add("at", event.at().toString());
        if (event instanceof CallEvent.CallArrived e) {
            json.add("call", e.call().value()).add("callerNumber", e.callerNumber()).add("dialledNumber", e.dialledNumber());
        } else if (event instanceof CallEvent.CallRinging e) {
            json.add("call", e.call().value()).add("party", e.party());
        } else if (event instanceof CallEvent.CallAnswered e) {
            json.add("call", e.call().value()).add("agentDevice", e.agentDevice().value());
        } else if (event instanceof CallEvent.ConnectFailed e) {
            json.add("call", e.call().value()).add("agentDevice", e.agentDevice().value()).add("cause", e.cause().name());
        } else if (event instanceof CallEvent.CallHeld e) {
            json.add("call", e.call().value());
        } else if (event instanceof CallEvent.CallRetrieved e) {
            json.add("call", e.call().value());
        } else if (event instanceof CallEvent.ConsultAnswered e) {
            json.add("call", e.call().value()).add("target", e.target().value());
        } else if (event instanceof CallEvent.ConsultFailed e) {
            json.add("call", e.call().value()).add("target", e.target().value()).add("cause", e.cause().name());
        } else if (event instanceof CallEvent.CallRequeued e) {
            json.add("call", e.call().value());
        } else if (event instanceof CallEvent.CallTransferred e) {
            json.add("call", e.call().value()).add("from", e.from().value()).add("to", e.to().value());
        } else if (event instanceof CallEvent.CallEnded e) {
            json.add("call", e.call().value()).add("cause", e.cause().name());
        } else if (event instanceof CallEvent.DeviceStateChanged e) {
            json.add("device", e.device().value()).add("state", e.state().name());
        } else if (event instanceof CallEvent.PbxConnectionLost e) {
            json.add("reason", e.reason());
        } else if (event instanceof CallEvent.PbxCallsListed e) {
            var calls = WireJson.PROVIDER.createArrayBuilder();
            e.calls().stream().map(CallId::value).sorted().forEach(calls::add);
            json.add("calls", calls);
        }
        return json.build().toString();
    }

    /**
     * @throws IllegalArgumentException if the text is not a call event this version knows
     */
    static CallEvent read(String text) {
        JsonObject json;
        try (JsonReader reader = WireJson.PROVIDER.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        try {
            Instant at = Instant.parse(text(json, "at"));
            String type = text(json, "type");
            return switch (type) {
                case "CallArrived" -> new CallEvent.CallArrived(call(json), text(json, "callerNumber"),
                        text(json, "dialledNumber"), at);
                case "CallRinging" -> new CallEvent.CallRinging(call(json), text(json, "party"), at);
                case "CallAnswered" -> new CallEvent.CallAnswered(call(json), device(json, "agentDevice"), at);
                case "ConnectFailed" -> new CallEvent.ConnectFailed(call(json), device(json, "agentDevice"),
                        enumValue(EndCause.class, text(json, "cause")), at);
                case "CallHeld" -> new CallEvent.CallHeld(call(json), at);
                case "CallRetrieved" -> new CallEvent.CallRetrieved(call(json), at);
                case "ConsultAnswered" -> new CallEvent.ConsultAnswered(call(json), device(json, "target"), at);
                case "ConsultFailed" -> new CallEvent.ConsultFailed(call(json), device(json, "target"),
                        enumValue(EndCause.class, text(json, "cause")), at);
                case "CallRequeued" -> new CallEvent.CallRequeued(call(json), at);
                case "CallTransferred" -> new CallEvent.CallTransferred(call(json), device(json, "from"),
                        device(json, "to"), at);
                case "CallEnded" -> new CallEvent.CallEnded(call(json), enumValue(EndCause.class, text(json, "cause")), at);
                case "DeviceStateChanged" -> new CallEvent.DeviceStateChanged(device(json, "device"),
                        enumValue(DeviceState.class, text(json, "state")), at);
                case "PbxConnectionLost" -> new CallEvent.PbxConnectionLost(text(json, "reason"), at);
                case "PbxConnectionRestored" -> new CallEvent.PbxConnectionRestored(at);
                case "PbxCallsListed" -> new CallEvent.PbxCallsListed(callIds(json), at);
                default -> throw new IllegalArgumentException("unknown call event type '" + type + "'");
            };
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("malformed time in call event: " + e.getParsedString(), e);
        }
    }

    /** The message group of an event: one per call, so a call's events are consumed in order. */
    static String group(CallEvent event) {
        return event.callId().map(CallId::value)
                .or(() -> event instanceof CallEvent.DeviceStateChanged d ? java.util.Optional.of(d.device().value())
                        : java.util.Optional.empty())
                .orElse("pbx");
    }

    private static CallId call(JsonObject json) {
        return new CallId(text(json, "call"));
    }

    private static DeviceId device(JsonObject json, String key) {
        return new DeviceId(text(json, key));
    }

    private static java.util.Set<CallId> callIds(JsonObject json) {
        if (!(json.get("calls") instanceof jakarta.json.JsonArray array)) {
            throw new IllegalArgumentException("call event without the list 'calls'");
        }
        java.util.Set<CallId> ids = new java.util.HashSet<>();
        for (jakarta.json.JsonValue value : array) {
            if (!(value instanceof jakarta.json.JsonString id)) {
                throw new IllegalArgumentException("'calls' must hold call ids");
            }
            ids.add(new CallId(id.getString()));
        }
        return ids;
    }

    private static String text(JsonObject json, String key) {
        if (!(json.get(key) instanceof jakarta.json.JsonString value)) {
            throw new IllegalArgumentException("call event without the text field '" + key + "'");
        }
        return value.getString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + name + "'", e);
        }
    }
}
