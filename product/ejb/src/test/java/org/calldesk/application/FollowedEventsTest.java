package org.calldesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.calldesk.application.pbx.CallEndCause;
import org.calldesk.application.pbx.PbxCallId;
import org.calldesk.application.pbx.PbxReport;
import org.calldesk.application.pbx.PhoneState;
import org.junit.jupiter.api.Test;

class FollowedEventsTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void theCallsOwnEventsAreFollowed() {
        assertThat(FollowedEvents.follows(new PbxReport.CallArrived(new PbxCallId("pbx-1"), "0101234", "15880001", AT)))
                .isTrue();
        assertThat(FollowedEvents.follows(new PbxReport.CallEnded(new PbxCallId("pbx-1"), CallEndCause.CUSTOMER_HANGUP,
                AT))).isTrue();
    }

    @Test
    void aPhonesDeviceStateIsNotWorthQueueing() {
        assertThat(FollowedEvents.follows(new PbxReport.DeviceStateChanged("PJSIP/1001", PhoneState.IN_USE, AT))).isFalse();
    }
}
