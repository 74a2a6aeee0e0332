package org.calldesk.infrastructure.messaging.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.calldesk.connector.api.CallEvent;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.EndCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallEventJsonTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final CallId CALL = new CallId("1732711111.7");
    private static final DeviceId AGENT = new DeviceId("PJSIP/1001");

    static List<CallEvent> everyKindOfEvent() {
        return List.of(
                new CallEvent.CallArrived(CALL, "01012345678", "15880001", AT),
                new CallEvent.CallRinging(CALL, "PJSIP/1001", AT),
                new CallEvent.CallAnswered(CALL, AGENT, AT),
                new CallEvent.CallHeld(CALL, AT),
                new CallEvent.CallRetrieved(CALL, AT),
                new CallEvent.ConsultAnswered(CALL, new DeviceId("PJSIP/1002"), AT),
                new CallEvent.ConsultFailed(CALL, new DeviceId("PJSIP/1002"), EndCause.BUSY, AT),
                new CallEvent.ConnectFailed(CALL, AGENT, EndCause.NO_ANSWER, AT),
                new CallEvent.CallRequeued(CALL, AT),
                new CallEvent.CallTransferred(CALL, AGENT, new DeviceId("PJSIP/1002"), AT),
                new CallEvent.CallEnded(CALL, EndCause.CUSTOMER_HANGUP, AT),
                new CallEvent.DeviceStateChanged(AGENT, DeviceState.IN_USE, AT),
                new CallEvent.PbxConnectionLost("socket closed", AT),
                new CallEvent.PbxConnectionRestored(AT),
                new CallEvent.PbxCallsListed(java.util.Set.of(CALL, new CallId("1732711111.9")), AT),
                new CallEvent.PbxCallsListed(java.util.Set.of(), AT));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfEvent")
    void everyEventSurvivesTheQueueUnchanged(CallEvent event) {
        assertThat(CallEventJson.read(CallEventJson.write(event))).isEqualTo(event);
    }

    @Test
    void eventsOfOneCallShareAMessageGroupAndDevicesHaveTheirOwn() {
        assertThat(CallEventJson.group(new CallEvent.CallArrived(CALL, "1", "2", AT)))
                .isEqualTo(CallEventJson.group(new CallEvent.CallEnded(CALL, EndCause.FAILED, AT)))
                .isEqualTo(CALL.value());
        assertThat(CallEventJson.group(new CallEvent.DeviceStateChanged(AGENT, DeviceState.BUSY, AT)))
                .isEqualTo("PJSIP/1001");
        assertThat(CallEventJson.group(new CallEvent.PbxConnectionRestored(AT))).isEqualTo("pbx");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{\"type\":\"CallArrived\",\"at\":\"2026-11-27T10:15:30Z\"}",
            "{\"type\":\"Teleported\",\"at\":\"2026-11-27T10:15:30Z\"}",
            "{\"type\":\"CallEnded\",\"at\":\"yesterday\",\"call\":\"1\",\"cause\":\"BUSY\"}",
            "{\"type\":\"CallEnded\",\"at\":\"2026-11-27T10:15:30Z\",\"call\":\"1\",\"cause\":\"BORED\"}"})
    void unreadableMessagesAreRejectedWithAReason(String text) {
        assertThatThrownBy(() -> CallEventJson.read(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }
}
