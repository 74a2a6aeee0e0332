package org.calldesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class LoadRunTest {

    private static final long MS = 1_000_000;

    private final LoadRun run = new LoadRun();

    private static EventFeed.Event event(String type, String callId, long sequence, long receivedMs, String... fields) {
        var data = Json.createObjectBuilder().add("id", callId).add("pbxCallId", "pbx-" + callId).add("direction", "INBOUND");
        for (int i = 0; i < fields.length; i += 2) {
            data.add(fields[i], fields[i + 1]);
        }
        JsonObject built = data.build();
        return new EventFeed.Event(type, callId, sequence, built, receivedMs * MS);
    }

    @Test
    void offerLatencyRunsFromThePbxArrivalToTheOfferEvent() {
        run.arrived("pbx-c1", 1_000 * MS);
        run.apply(event("call.waiting", "c1", 1, 1_004));
        run.apply(event("call.offered", "c1", 2, 1_012, "agentId", "bot0001"));
        assertThat(run.arrivalToWaiting.summary().max()).isEqualTo(4.0);
        assertThat(run.arrivalToOffer.summary().max()).isEqualTo(12.0);
    }

    @Test
    void confirmToTalkingAndTicketRunFromTheConfirmRequest() {
        run.arrived("pbx-c1", 0);
        run.apply(event("call.waiting", "c1", 1, 1));
        run.apply(event("call.offered", "c1", 2, 2, "agentId", "bot0001"));
        run.confirmSent("c1", 100 * MS);
        run.apply(event("call.talking", "c1", 3, 130, "agentId", "bot0001"));
        run.ticketCreated("c1", 131 * MS);
        assertThat(run.confirmToTalking.summary().max()).isEqualTo(30.0);
        assertThat(run.confirmToTicket.summary().max()).isEqualTo(31.0);
    }

    @Test
    void anOfferWithoutTheCallTakenBackFirstIsADoubleOffer() {
        run.arrived("pbx-c1", 0);
        run.apply(event("call.offered", "c1", 2, 5, "agentId", "bot0001"));
        run.apply(event("call.offered", "c1", 3, 6, "agentId", "bot0002"));
        assertThat(run.doubleOffers.get()).isEqualTo(1);
        assertThat(run.arrivalToOffer.count()).isEqualTo(1);
    }

    @Test
    void anOfferAfterTheCallWentBackToTheQueueIsAReofferNotADoubleOffer() {
        run.arrived("pbx-c1", 0);
        run.apply(event("call.offered", "c1", 2, 5, "agentId", "bot0001"));
        run.apply(event("call.waiting", "c1", 3, 6));
        run.apply(event("call.offered", "c1", 4, 7, "agentId", "bot0002"));
        assertThat(run.doubleOffers.get()).isZero();
        assertThat(run.reoffers.get()).isEqualTo(1);
    }

    @Test
    void anEventOlderThanOneAlreadyAppliedIsCountedAndIgnored() {
        run.arrived("pbx-c1", 0);
        run.apply(event("call.offered", "c1", 2, 5, "agentId", "bot0001"));
        assertThat(run.apply(event("call.waiting", "c1", 1, 6))).isNull();
        assertThat(run.outOfOrder.get()).isEqualTo(1);
        assertThat(run.calls.get("c1").status).isEqualTo("call.offered");
    }

    @Test
    void aCallNeverReportedOrLeftWaitingIsLostWhileConnectedAndAbandonedOnesAreNot() {
        run.arrived("pbx-connected", 0);
        run.arrived("pbx-abandoned", 0);
        run.arrived("pbx-waiting", 0);
        run.arrived("pbx-silent", 0);
        run.apply(event("call.offered", "connected", 2, 1, "agentId", "bot0001"));
        run.apply(event("call.talking", "connected", 3, 2, "agentId", "bot0001"));
        run.apply(event("call.waiting", "abandoned", 1, 1));
        run.apply(event("call.ended", "abandoned", 2, 2, "endCause", "ABANDONED"));
        run.apply(event("call.waiting", "waiting", 1, 1));

        LoadRun.Outcome outcome = run.outcome();

        assertThat(outcome.arrived()).isEqualTo(4);
        assertThat(outcome.offered()).isEqualTo(1);
        assertThat(outcome.connected()).isEqualTo(1);
        assertThat(outcome.abandoned()).isEqualTo(1);
        assertThat(outcome.lost()).isEqualTo(2);
        assertThat(outcome.neverSeen()).isEqualTo(1);
        assertThat(run.unfinished()).isEqualTo(3);
    }

    @Test
    void anOutboundCallIsNotMeasuredAsAnInboundConfirm() {
        run.confirmSent("out", 0);
        run.apply(new EventFeed.Event("call.dialing", "out", 1, Json.createObjectBuilder().add("direction", "OUTBOUND")
                .add("pbxCallId", "pending:x").build(), 0));
        run.apply(new EventFeed.Event("call.talking", "out", 2, Json.createObjectBuilder().add("direction", "OUTBOUND")
                .add("pbxCallId", "pbx-out").build(), 10 * MS));
        assertThat(run.confirmToTalking.count()).isZero();
        assertThat(run.outboundConnected.get()).isEqualTo(1);
        assertThat(run.callIdByPbx).containsEntry("pbx-out", "out").doesNotContainKey("pending:x");
    }

    @Test
    void offersMadeAfterTheLoadStretchTheTimeTheRateIsMeasuredOver() {
        run.startNanos = 1_000 * MS;
        run.arrived("pbx-c1", 1_000 * MS);
        run.apply(event("call.offered", "c1", 2, 1_000 + 45_000, "agentId", "bot0001"));
        assertThat(run.offeringSeconds(30)).isEqualTo(45.0);
        assertThat(new LoadRun().offeringSeconds(30)).isEqualTo(30.0);
    }
}
