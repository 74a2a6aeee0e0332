package org.calldesk.connector.ami.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnectionState;
import org.calldesk.connector.ami.PbxResourceAdapter;
import org.calldesk.connector.ami.mapping.CallRegistry;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedConnectionTest {

    private final PbxResourceAdapter adapter = new PbxResourceAdapter();
    private final PbxManagedConnectionFactory factory = new PbxManagedConnectionFactory();
    private final FakeAmiSession session = new FakeAmiSession();
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    private PbxManagedConnection managed;

    @BeforeEach
    void pooledSession() throws Exception {
        factory.setResourceAdapter(adapter);
        managed = new PbxManagedConnection(factory, factory.effectiveSettings(), session.connection, new CallRegistry(),
                Runnable::run);
        managed.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
                events.add(event);
            }
        });
    }

    @Test
    void factoriesWithTheSameConfigurationAreEqual() {
        PbxManagedConnectionFactory other = new PbxManagedConnectionFactory();

        assertThat(other).isEqualTo(factory).hasSameHashCodeAs(factory);
    }

    @Test
    void factoriesWithAnotherUserOrTimeoutDiffer() {
        PbxManagedConnectionFactory otherUser = new PbxManagedConnectionFactory();
        otherUser.setAmiUsername("cti");
        PbxManagedConnectionFactory otherTimeout = new PbxManagedConnectionFactory();
        otherTimeout.setActionTimeoutMillis(9000);

        assertThat(otherUser).isNotEqualTo(factory);
        assertThat(otherTimeout).isNotEqualTo(factory);
    }

    @Test
    void matchingFindsALiveSessionOpenedWithTheSameSettings() throws Exception {
        assertThat(factory.matchManagedConnections(Set.of(managed), null, null)).isSameAs(managed);
    }

    @Test
    void matchingReturnsNullWithoutCandidates() throws Exception {
        assertThat(factory.matchManagedConnections(Set.of(), null, null)).isNull();
    }

    @Test
    void matchingRefusesASessionOfAnotherUser() throws Exception {
        PbxManagedConnectionFactory otherUser = new PbxManagedConnectionFactory();
        otherUser.setAmiUsername("cti");
        otherUser.setAmiSecret("other");
        otherUser.setResourceAdapter(adapter);

        assertThat(otherUser.matchManagedConnections(Set.of(managed), null, null)).isNull();
    }

    @Test
    void matchingRefusesAndValidationReportsADeadSession() throws Exception {
        session.state = ManagerConnectionState.RECONNECTING;

        assertThat(factory.matchManagedConnections(Set.of(managed), null, null)).isNull();
        assertThat(factory.getInvalidConnections(Set.of(managed))).containsExactly(managed);
    }

    @Test
    void closingTheHandleFiresConnectionClosedOnceWithTheHandle() throws Exception {
        PbxConnection handle = (PbxConnection) managed.getConnection(null, null);

        handle.close();
        handle.close();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getId()).isEqualTo(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(events.get(0).getConnectionHandle()).isSameAs(handle);
        assertThat(events.get(0).getSource()).isSameAs(managed);
    }

    @Test
    void closedHandleRefusesEveryOperation() throws Exception {
        PbxConnection handle = (PbxConnection) managed.getConnection(null, null);
        handle.close();

        assertThatThrownBy(() -> handle.deviceState(new DeviceId("PJSIP/1001"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> handle.hangup(new CallId("x")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(session.sent).isEmpty();
    }

    @Test
    void cleanupInvalidatesHandlesWithoutClosedEvents() throws Exception {
        PbxConnection handle = (PbxConnection) managed.getConnection(null, null);

        managed.cleanup();

        assertThatThrownBy(() -> handle.deviceState(new DeviceId("PJSIP/1001"))).isInstanceOf(IllegalStateException.class);
        handle.close();
        assertThat(events).isEmpty();
    }

    @Test
    void deviceStateAsksForTheDeviceStateFunction() throws Exception {
        session.deviceState = "UNAVAILABLE";
        try (PbxConnection handle = (PbxConnection) managed.getConnection(null, null)) {
            assertThat(handle.deviceState(new DeviceId("PJSIP/1001"))).isEqualTo(DeviceState.UNAVAILABLE);
        }

        assertThat(session.transcript()).containsExactly("GetVar Variable=DEVICE_STATE(PJSIP/1001)");
    }

    @Test
    void droppedSessionFiresConnectionErrorAndHandlesReportThePbxUnreachable() throws Exception {
        PbxConnection handle = (PbxConnection) managed.getConnection(null, null);

        session.state = ManagerConnectionState.RECONNECTING;
        managed.sessionDied();

        assertThat(events).extracting(ConnectionEvent::getId).containsExactly(ConnectionEvent.CONNECTION_ERROR_OCCURRED);
        assertThat(session.state).isEqualTo(ManagerConnectionState.DISCONNECTED);
        assertThatThrownBy(() -> handle.deviceState(new DeviceId("PJSIP/1001")))
                .isInstanceOf(PbxException.PbxUnreachable.class);
    }

    @Test
    void destroyLogsTheSessionOff() throws Exception {
        managed.getConnection(null, null);

        managed.destroy();

        assertThat(session.state).isEqualTo(ManagerConnectionState.DISCONNECTED);
        assertThatThrownBy(() -> managed.getConnection(null, null)).isInstanceOf(ResourceException.class);
    }

    @Test
    void associatedHandleWorksOnItsNewSession() throws Exception {
        FakeAmiSession otherSession = new FakeAmiSession();
        PbxManagedConnection other = new PbxManagedConnection(factory, factory.effectiveSettings(), otherSession.connection,
                new CallRegistry(), Runnable::run);
        PbxConnection handle = (PbxConnection) managed.getConnection(null, null);

        other.associateConnection(handle);
        handle.deviceState(new DeviceId("PJSIP/1001"));

        assertThat(otherSession.sent).hasSize(1);
        assertThat(session.sent).isEmpty();
    }
}
