package org.calldesk.domain.model.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void anArrivedCallWaitsForAnAgent() {
        Call call = Call.arrived("1.1", "0101", "1588", AT);
        assertThat(call.status()).isEqualTo(CallStatus.WAITING);
        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.sequence()).isEqualTo(1);
    }

    @Test
    void endingTwiceChangesTheCallOnce() {
        Call call = Call.arrived("1.1", "0101", "1588", AT);
        assertThat(call.end("CUSTOMER_HANGUP", AT.plusSeconds(5))).isTrue();
        assertThat(call.end("AGENT_HANGUP", AT.plusSeconds(9))).isFalse();
        assertThat(call.endCause()).contains("CUSTOMER_HANGUP");
        assertThat(call.endedAt()).contains(AT.plusSeconds(5));
        assertThat(call.sequence()).isEqualTo(2);
    }

    @Test
    void aDialUpCanBeHungUpBeforeTheCustomerAnswers() {
        Call call = Call.dialled("calldesk-o-1", "svc", "agent1", "0101", "1588", AT);

        call.hangUp(AT.plusSeconds(3));

        assertThat(call.status()).isEqualTo(CallStatus.ENDED);
        assertThat(call.endCause()).contains("AGENT_HANGUP");
    }

    @Test
    void aWaitingCallThePbxShutDownWasNotAbandoned() {
        Call call = Call.arrived("1.1", "0101", "1588", AT);

        call.endReported("PBX_SHUTDOWN", AT.plusSeconds(5));

        assertThat(call.endCause()).contains("PBX_SHUTDOWN");
    }

    @Test
    void aWaitingCallWhoseCallerHungUpWasAbandoned() {
        Call call = Call.arrived("1.1", "0101", "1588", AT);

        call.endReported("CUSTOMER_HANGUP", AT.plusSeconds(5));

        assertThat(call.endCause()).contains("ABANDONED");
    }
}
