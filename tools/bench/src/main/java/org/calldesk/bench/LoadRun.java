package org.calldesk.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one period of load did, from both ends: each call the PBX raised (with the moment it
 * raised it) and what the events topic then said about it. Events of one call are applied in the
 * order of their {@code sequence}; one that comes after a later one is counted, not applied.
 */
final class LoadRun {

    /** One call as the events showed it. */
    static final class Track {
        final String callId;
        String pbxCallId;
        boolean inbound = true;
        long sequence;
        String status = "";
        String agentId;
        int offers;
        boolean connected;
        boolean ended;
        String endCause;
        long confirmSentNanos;
        boolean talkingMeasured;

        Track(String callId) {
            this.callId = callId;
        }
    }

    final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    final Map<String, Track> calls = new ConcurrentHashMap<>();
    final Map<String, String> callIdByPbx = new ConcurrentHashMap<>();

    final Latencies arrivalToWaiting = new Latencies();
    final Latencies arrivalToOffer = new Latencies();
    final Latencies confirmToTalking = new Latencies();
    final Latencies confirmToTicket = new Latencies();

    final AtomicLong doubleOffers = new AtomicLong();
    final AtomicLong busyAgentOffers = new AtomicLong();
    final AtomicLong reoffers = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong transfers = new AtomicLong();
    final AtomicLong transfersFailed = new AtomicLong();
    final AtomicLong outboundDials = new AtomicLong();
    final AtomicLong outboundConnected = new AtomicLong();
    final AtomicLong refusals = new AtomicLong();
    final Map<String, AtomicLong> refusalCodes = new ConcurrentHashMap<>();

    volatile long startNanos;
    volatile long endNanos;
    /** When the last first offer of a call became visible. */
    private long lastOfferNanos;

    void arrived(String pbxCallId, long nanos) {
        arrivals.putIfAbsent(pbxCallId, nanos);
    }

    void refused(String action, CallDeskApi.Answer answer) {
        refusals.incrementAndGet();
        refusalCodes.computeIfAbsent(action + " " + answer.problem(), k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Applies a call event to its track.
     *
     * @return the track when the event is the newest of its call, else null (already superseded)
     */
    synchronized Track apply(EventFeed.Event event) {
        Track track = calls.computeIfAbsent(event.subjectId(), Track::new);
        String pbxCallId = event.data().getString("pbxCallId", null);
        if (pbxCallId != null && !pbxCallId.startsWith("pending:")) {
            track.pbxCallId = pbxCallId;
            callIdByPbx.put(pbxCallId, track.callId);
        }
        if ("OUTBOUND".equals(event.data().getString("direction", "INBOUND"))) {
            track.inbound = false;
        }
        if (event.sequence() <= track.sequence) {
            outOfOrder.incrementAndGet();
            return null;
        }
        boolean firstSight = track.sequence == 0;
        track.sequence = event.sequence();
        String previous = track.status;
        track.status = event.type();
        Long arrival = pbxCallId == null ? null : arrivals.get(pbxCallId);
        switch (event.type()) {
            case "call.waiting" -> {
                if (firstSight && arrival != null) {
                    arrivalToWaiting.recordNanos(event.receivedNanos() - arrival);
                }
                if (track.offers > 0) {
                    reoffers.incrementAndGet();
                }
                track.agentId = null;
            }
            case "call.offered" -> {
                if (track.offers == 0 && arrival != null) {
                    arrivalToOffer.recordNanos(event.receivedNanos() - arrival);
                    lastOfferNanos = Math.max(lastOfferNanos, event.receivedNanos());
                }
                if (track.offers > 0 && !previous.equals("call.waiting")) {
                    doubleOffers.incrementAndGet(); // offered again without being taken back first
                }
                track.offers++;
                track.agentId = event.data().getString("agentId", null);
            }
            case "call.talking" -> {
                if (!track.connected && track.inbound && track.confirmSentNanos != 0) {
                    confirmToTalking.recordNanos(event.receivedNanos() - track.confirmSentNanos);
                }
                if (!track.connected && !track.inbound) {
                    outboundConnected.incrementAndGet();
                }
                track.connected = true;
                track.agentId = event.data().getString("agentId", track.agentId);
            }
            case "call.ended" -> {
                track.ended = true;
                track.endCause = event.data().getString("endCause", "");
            }
            default -> {
                // dialing, holding, consulting: the bots follow them, the report does not
            }
        }
        return track;
    }

    synchronized void confirmSent(String callId, long nanos) {
        Track track = calls.computeIfAbsent(callId, Track::new);
        if (track.confirmSentNanos == 0) {
            track.confirmSentNanos = nanos;
        }
    }

    synchronized void ticketCreated(String callId, long receivedNanos) {
        Track track = calls.get(callId);
        if (track != null && track.inbound && track.confirmSentNanos != 0) {
            confirmToTicket.recordNanos(receivedNanos - track.confirmSentNanos);
        }
    }

    /**
     * Seconds from the start of the load to the last offer of one of its calls: the load's
     * duration when the application kept up, longer when it offered calls after the load ended.
     */
    synchronized double offeringSeconds(double loadSeconds) {
        if (lastOfferNanos == 0 || startNanos == 0) {
            return loadSeconds;
        }
        return Math.max(loadSeconds, (lastOfferNanos - startNanos) / 1e9);
    }

    /** Calls the PBX raised that neither ended nor connected (as far as the events say). */
    synchronized long unfinished() {
        long open = 0;
        for (String pbxCallId : arrivals.keySet()) {
            String callId = callIdByPbx.get(pbxCallId);
            Track track = callId == null ? null : calls.get(callId);
            if (track == null || !track.ended) {
                open++;
            }
        }
        return open;
    }

    /** A few calls the PBX raised that have not ended, as {@code pbxId callId last-event agent}. */
    synchronized List<String> describeUnfinished(int max) {
        List<String> open = new java.util.ArrayList<>();
        for (String pbxCallId : arrivals.keySet()) {
            String callId = callIdByPbx.get(pbxCallId);
            Track track = callId == null ? null : calls.get(callId);
            if ((track == null || !track.ended) && open.size() < max) {
                open.add(pbxCallId + (track == null ? " never reported" : " " + callId + " " + track.status + " "
                        + track.agentId));
            }
        }
        return open;
    }

    /** Tallies over the inbound calls the PBX raised during the load. */
    synchronized Outcome outcome() {
        long offered = 0;
        long connected = 0;
        long abandoned = 0;
        long otherEnd = 0;
        long lost = 0;
        long neverSeen = 0;
        for (String pbxCallId : arrivals.keySet()) {
            String callId = callIdByPbx.get(pbxCallId);
            Track track = callId == null ? null : calls.get(callId);
            if (track == null) {
                neverSeen++;
                lost++;
                continue;
            }
            if (track.offers > 0) {
                offered++;
            }
            if (track.connected) {
                connected++;
            } else if (track.ended && "ABANDONED".equals(track.endCause)) {
                abandoned++;
            } else if (track.ended) {
                otherEnd++;
            }
            if (!track.connected && !track.ended) {
                lost++; // neither connected nor ended: the application dropped it on the way
            }
        }
        return new Outcome(arrivals.size(), offered, connected, abandoned, otherEnd, lost, neverSeen);
    }

    /**
     * @param lost calls raised that the application neither connected nor ended (including those it never reported)
     * @param neverSeen calls raised that no event ever mentioned
     */
    record Outcome(long arrived, long offered, long connected, long abandoned, long otherEnd, long lost, long neverSeen) {
    }
}
