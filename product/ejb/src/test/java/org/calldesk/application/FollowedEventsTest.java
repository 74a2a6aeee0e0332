package org.calldesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.EndCause;
import org.junit.jupiter.api.Test;

class FollowedEventsTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void theCallsOwnEventsAreFollowed() {
        assertThat(FollowedEvents.follows(new CallEvent.CallArrived(new CallId("pbx-1"), "0101234", "15880001", AT)))
                .isTrue();
        assertThat(FollowedEvents.follows(new CallEvent.CallEnded(new CallId("pbx-1"), EndCause.CUSTOMER_HANGUP, AT))).isTrue();
    }

    @Test
    void aPhonesDeviceStateIsNotWorthQueueing() {
        assertThat(FollowedEvents.follows(new CallEvent.DeviceStateChanged(new DeviceId("PJSIP/1001"),
                DeviceState.IN_USE, AT))).isFalse();
    }
}
