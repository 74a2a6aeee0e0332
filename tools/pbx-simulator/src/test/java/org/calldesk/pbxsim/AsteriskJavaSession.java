package org.calldesk.pbxsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.awaitility.Awaitility;
import org.calldesk.connector.ami.CallDeskWaitingEvent;

/**
 * An asterisk-java 3.42.2 connection to the simulator that records every event it receives,
 * with waits for events by type and content, so call-flow tests read like the flows.
 */
final class AsteriskJavaSession implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ManagerConnection connection;
    /** Appended by asterisk-java's dispatch thread; a queue, so adding never copies (thousands of events under load). */
    private final ConcurrentLinkedQueue<ManagerEvent> events = new ConcurrentLinkedQueue<>();

    AsteriskJavaSession(PbxSimulator pbx, String user, String secret) throws Exception {
        connection = new ManagerConnectionFactory("127.0.0.1", pbx.amiPort(), user, secret).createManagerConnection();
        connection.registerUserEventClass(CallDeskWaitingEvent.class);
        connection.addEventListener(events::add);
        connection.login();
    }

    ManagerConnection connection() {
        return connection;
    }

    ManagerResponse send(ManagerAction action) throws Exception {
        return connection.sendAction(action, 5000);
    }

    List<ManagerEvent> events() {
        return new ArrayList<>(events);
    }

    <T extends ManagerEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ManagerEvent> List<T> events(Class<T> type, Predicate<T> filter) {
        return events(type).stream().filter(filter).toList();
    }

    /** Waits for the first event of the type that matches, however long ago it came. */
    <T extends ManagerEvent> T await(Class<T> type, Predicate<T> filter) {
        Awaitility.await().atMost(WAIT).until(() -> !events(type, filter).isEmpty());
        return events(type, filter).get(0);
    }

    <T extends ManagerEvent> T await(Class<T> type) {
        return await(type, e -> true);
    }

    /** Waits until {@code count} events of the type match. */
    <T extends ManagerEvent> List<T> await(Class<T> type, int count, Predicate<T> filter) {
        Awaitility.await().atMost(WAIT).until(() -> events(type, filter).size() >= count);
        return events(type, filter);
    }

    /** The position of an event in arrival order, for checking the order Asterisk raises them in. */
    int indexOf(ManagerEvent event) {
        return events().indexOf(event);
    }

    @Override
    public void close() {
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
    }
}
