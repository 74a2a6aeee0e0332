package org.calldesk.connector.ami.outbound;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * An asterisk-java session without a PBX: records the actions sent to it and answers each with
 * whatever the test scripts (Success by default; device states NOT_INUSE).
 */
final class FakeAmiSession {

    final List<ManagerAction> sent = new CopyOnWriteArrayList<>();
    volatile ManagerConnectionState state = ManagerConnectionState.CONNECTED;
    volatile Function<ManagerAction, ManagerResponse> answers = FakeAmiSession::success;
    volatile String deviceState = "NOT_INUSE";
    /** Thrown by sendAction when set, as asterisk-java throws on a dead or slow link. */
    volatile Exception failure;
    /**
     * When set, {@link #failure} is thrown only for this action, after recording it: the action
     * reached the PBX but its answer never came back.
     */
    volatile String failingAction;
    final ManagerConnection connection;

    FakeAmiSession() {
        connection = (ManagerConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagerConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendAction" -> {
                        ManagerAction action = (ManagerAction) args[0];
                        if (failure != null && failingAction == null) {
                            throw failure;
                        }
                        if (failure != null && failingAction.equalsIgnoreCase(action.getAction())) {
                            sent.add(action);
                            throw failure;
                        }
                        sent.add(action);
                        if ("GetVar".equalsIgnoreCase(action.getAction())) {
                            GetVarResponse response = new GetVarResponse();
                            response.setResponse("Success");
                            response.setValue(deviceState);
                            yield response;
                        }
                        yield answers.apply(action);
                    }
                    case "getState" -> state;
                    case "getVersion" -> null;
                    case "logoff" -> {
                        state = ManagerConnectionState.DISCONNECTED;
                        yield null;
                    }
                    case "toString" -> "FakeAmiSession";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    static ManagerResponse success(ManagerAction action) {
        ManagerResponse response = new ManagerResponse();
        response.setResponse("Success");
        return response;
    }

    static ManagerResponse error(String message) {
        ManagerError error = new ManagerError();
        error.setResponse("Error");
        error.setMessage(message);
        return error;
    }

    /** The actions sent, as "Name key=value ..." lines, for readable assertions. */
    List<String> transcript() {
        return sent.stream().map(FakeAmiSession::describe).toList();
    }

    static String describe(ManagerAction action) {
        StringBuilder line = new StringBuilder(action.getAction());
        Map<String, Object> fields = new TreeMap<>();
        if (action instanceof OriginateAction o) {
            fields.put("Channel", o.getChannel());
            fields.put("Context", o.getContext());
            fields.put("Exten", o.getExten());
            fields.put("Variables", o.getVariables() == null ? null : new TreeMap<>(o.getVariables()));
        } else if (action instanceof RedirectAction r) {
            fields.put("Channel", r.getChannel());
            fields.put("Context", r.getContext());
            fields.put("ExtraChannel", r.getExtraChannel());
            fields.put("ExtraContext", r.getExtraContext());
        } else if (action instanceof SetVarAction v) {
            fields.put("Channel", v.getChannel());
            fields.put("Variable", v.getVariable());
            fields.put("Value", v.getValue());
        } else if (action instanceof HangupAction h) {
            fields.put("Channel", h.getChannel());
        } else if (action instanceof GetVarAction g) {
            fields.put("Variable", g.getVariable());
        }
        fields.forEach((k, v) -> {
            if (v != null) {
                line.append(' ').append(k).append('=').append(v);
            }
        });
        return line.toString();
    }
}
