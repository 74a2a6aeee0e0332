package org.calldesk.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.Reference;
import org.calldesk.application.CallReconciler;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PbxHealthCheckTest {

    private static final Instant LAST_RUN = Instant.parse("2026-12-07T10:00:00Z");

    @BeforeAll
    static void healthResponses() {
        PlainHealthResponses.install();
    }

    /** A reconciler that last ran at {@link #LAST_RUN} and ended one call. */
    private static final CallReconciler RECONCILER = new CallReconciler() {
        @Override
        public void reconcile() {
        }

        @Override
        public Status status() {
            return new Status(Optional.of(LAST_RUN), "12 PBX channels compared, 1 repaired", 1, 0, 0, 2);
        }
    };

    /** A PBX adapter whose pooled call-control sessions are logged in, with the event session as given. */
    private static final class Adapter implements PbxConnectionFactory {
        private static final long serialVersionUID = 1L;
        final AtomicInteger connectionsTaken = new AtomicInteger();
        private final PbxEventLink events;

        Adapter(PbxEventLink events) {
            this.events = events;
        }

        @Override
        public PbxConnection getConnection() {
            connectionsTaken.incrementAndGet();
            return (PbxConnection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PbxConnection.class},
                    (proxy, method, args) -> null);
        }

        @Override
        public PbxEventLink eventLink() {
            return events;
        }

        @Override
        public void setReference(Reference reference) {
        }

        @Override
        public Reference getReference() {
            return null;
        }
    }

    @Test
    void pbxIsDownWhileTheEventSessionIsDownEvenIfPooledSessionsAreLoggedIn() {
        Adapter adapter = new Adapter(new PbxEventLink(false,
                "no event session with the PBX: the PBX at 127.0.0.1:5038 refused the login", 3));

        HealthCheckResponse health = new PbxHealthCheck(adapter, RECONCILER).call();

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(health.getData().orElseThrow())
                .containsEntry("error", "no event session with the PBX: the PBX at 127.0.0.1:5038 refused the login")
                .containsEntry("eventsWaiting", 3L)
                .containsKey("fix");
    }

    @Test
    void pbxIsUpWhenEventsArriveAndACallControlSessionCanBeHad() {
        Adapter adapter = new Adapter(new PbxEventLink(true, "event session logged in to 127.0.0.1:5038", 0));

        HealthCheckResponse health = new PbxHealthCheck(adapter, RECONCILER).call();

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(adapter.connectionsTaken).hasValue(1);
        assertThat(health.getData().orElseThrow())
                .containsEntry("reconcilerLastRun", LAST_RUN.toString())
                .containsEntry("reconcilerCallsEnded", 1L)
                .containsEntry("reconcilerCallersRequeued", 2L);
    }
}
