package org.calldesk.itcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judgements from the rows the application committed, shared by the cluster and fault tests.
 */
final class CallChecks {

    private CallChecks() {
    }

    /**
     * No call is offered to two agents at once: each agent's alerting time for a call runs from
     * the status change to Alerting to that agent's next status change, and for one call these
     * spans never overlap. Nor does an agent alert for two calls at once (one status at a time).
     */
    static void noDoubleOffer(ClusterDatabase db) {
        List<Map<String, Object>> changes = db.rows("select agent_id, status, call_id, changed_at from agent_status_change"
                + " order by agent_id, changed_at, id");
        Map<String, List<Instant[]>> alertingByCall = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> change = changes.get(i);
            if (!"ALERTING".equals(change.get("status"))) {
                continue;
            }
            boolean sameAgentNext = i + 1 < changes.size() && changes.get(i + 1).get("agent_id").equals(change.get("agent_id"));
            Instant from = (Instant) change.get("changed_at");
            Instant to = sameAgentNext ? (Instant) changes.get(i + 1).get("changed_at") : Instant.MAX;
            alertingByCall.computeIfAbsent(String.valueOf(change.get("call_id")), call -> new ArrayList<>())
                    .add(new Instant[] {from, to});
        }
        assertThat(alertingByCall).as("calls offered").isNotEmpty();
        alertingByCall.forEach((call, spans) -> {
            spans.sort((x, y) -> x[0].compareTo(y[0]));
            for (int i = 1; i < spans.size(); i++) {
                assertThat(spans.get(i)[0]).as("call %s offered again before its earlier offer ended", call)
                        .isAfterOrEqualTo(spans.get(i - 1)[1]);
            }
        });
    }

    /** Each connected call has exactly one ticket, and there are tickets for connected calls only. */
    static void oneTicketPerConnectedCall(ClusterDatabase db, List<Map<String, Object>> calls) {
        Map<String, List<String>> ticketsByCall = db.rows("select id, call_id from ticket").stream()
                .collect(Collectors.groupingBy(row -> String.valueOf(row.get("call_id")),
                        Collectors.mapping(row -> (String) row.get("id"), Collectors.toList())));
        List<Map<String, Object>> connected = calls.stream().filter(call -> call.get("connected_at") != null).toList();
        assertThat(connected).allSatisfy(call -> assertThat(ticketsByCall.get((String) call.get("id")))
                .as("tickets of connected call %s", call).containsExactly((String) call.get("ticket_id")));
        assertThat(ticketsByCall).as("tickets only for connected calls").hasSameSizeAs(connected);
    }

    /**
     * How far waiting calls were served out of their order of arrival at the PBX: for each call,
     * how many calls that arrived after it were offered to an agent before it (0 everywhere: first
     * come, first served). Calls never offered are left out.
     *
     * @param arrivals the PBX's call ids in the order the PBX queued them
     * @return the largest number of later calls served before one call
     */
    static int placesOutOfOrder(ClusterDatabase db, List<String> arrivals) {
        Map<String, Instant> firstOffer = new HashMap<>();
        for (Map<String, Object> row : db.rows("select c.pbx_call_id, min(s.changed_at) as offered from agent_status_change s"
                + " join call_record c on c.id = s.call_id where s.status = 'ALERTING' group by c.pbx_call_id")) {
            firstOffer.put((String) row.get("pbx_call_id"), (Instant) row.get("offered"));
        }
        List<Instant> offers = arrivals.stream().map(firstOffer::get).filter(offer -> offer != null).toList();
        int worst = 0;
        for (int i = 0; i < offers.size(); i++) {
            int overtaken = 0;
            for (int j = i + 1; j < offers.size(); j++) {
                if (offers.get(j).isBefore(offers.get(i))) {
                    overtaken++;
                }
            }
            worst = Math.max(worst, overtaken);
        }
        return worst;
    }
}
