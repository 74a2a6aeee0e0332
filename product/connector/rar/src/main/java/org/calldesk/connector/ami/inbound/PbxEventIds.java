package org.calldesk.connector.ami.inbound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calldesk.connector.api.CallEvent;

/**
 * The ids of the call events one AMI event implies, identical on every application node
 * connected to the same Asterisk, so that the nodes' copies of one report can be told apart from
 * new reports (the queue keeps the first copy only).
 *
 * <p>What makes them identical: Asterisk numbers every AMI event it sends with one counter for all
 * its manager sessions ({@code SequenceNumber}, sent when manager.conf says {@code debug = on}),
 * which restarts with the Asterisk process; its start time ({@code CoreStatus}) tells one process
 * from the next. One AMI event may imply several call events, and a node that placed a leg itself
 * may read more into an event than another; the kind of call event (with a count where one kind
 * occurs twice) keeps the ids of different conclusions apart while the same conclusion gets the
 * same id everywhere.
 */
final class PbxEventIds {

    private PbxEventIds() {
    }

    /**
     * @param pbx      the PBX process's identity, or {@code null} if unknown
     * @param sequence the AMI event's {@code SequenceNumber}, or {@code null} if it had none
     * @return one id per event, in order; all {@code null} when either part is missing
     */
    static List<String> of(String pbx, Integer sequence, List<CallEvent> events) {
        if (pbx == null || sequence == null) {
            return Arrays.asList(new String[events.size()]);
        }
        List<String> ids = new ArrayList<>(events.size());
        Map<String, Integer> seen = new HashMap<>();
        for (CallEvent event : events) {
            String kind = event.getClass().getSimpleName();
            int occurrence = seen.merge(kind, 1, Integer::sum);
            ids.add(pbx + "#" + Integer.toUnsignedString(sequence) + "#" + kind + (occurrence > 1 ? "~" + occurrence : ""));
        }
        return ids;
    }

    /** The identity of one Asterisk process: when it started, as its CoreStatus says. */
    static String pbxIdentity(String startupDate, String startupTime) {
        if (startupDate == null || startupDate.isBlank() || startupTime == null || startupTime.isBlank()) {
            return null;
        }
        return "asterisk@" + startupDate.trim() + "T" + startupTime.trim();
    }
}
