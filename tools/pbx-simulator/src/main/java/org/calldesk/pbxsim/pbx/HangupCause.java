package org.calldesk.pbxsim.pbx;

import java.util.Map;

/**
 * Q.850 hangup causes as Asterisk numbers and names them ({@code causes.h},
 * {@code ast_cause2str}); AMI writes them as {@code Cause} and {@code Cause-txt}.
 */
public final class HangupCause {

    public static final int NOT_DEFINED = 0;
    public static final int UNALLOCATED = 1;
    public static final int NO_ROUTE_DESTINATION = 3;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_USER_RESPONSE = 18;
    public static final int NO_ANSWER = 19;
    public static final int SUBSCRIBER_ABSENT = 20;
    public static final int CALL_REJECTED = 21;
    public static final int ANSWERED_ELSEWHERE = 26;
    public static final int DESTINATION_OUT_OF_ORDER = 27;
    public static final int NORMAL_UNSPECIFIED = 31;
    public static final int NORMAL_CIRCUIT_CONGESTION = 34;
    public static final int NETWORK_OUT_OF_ORDER = 38;
    public static final int NORMAL_TEMPORARY_FAILURE = 41;
    public static final int REQUESTED_CHAN_UNAVAIL = 44;
    public static final int CHAN_NOT_IMPLEMENTED = 66;

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(UNALLOCATED, "Unallocated (unassigned) number"),
            Map.entry(2, "No route to specified transmit network"),
            Map.entry(NO_ROUTE_DESTINATION, "No route to destination"),
            Map.entry(5, "Misdialed trunk prefix"),
            Map.entry(6, "Channel unacceptable"),
            Map.entry(7, "Call awarded and being delivered in an established channel"),
            Map.entry(8, "Pre-empted"),
            Map.entry(14, "Number ported elsewhere"),
            Map.entry(NORMAL_CLEARING, "Normal Clearing"),
            Map.entry(USER_BUSY, "User busy"),
            Map.entry(NO_USER_RESPONSE, "No user responding"),
            Map.entry(NO_ANSWER, "User alerting, no answer"),
            Map.entry(SUBSCRIBER_ABSENT, "Subscriber absent"),
            Map.entry(CALL_REJECTED, "Call Rejected"),
            Map.entry(22, "Number changed"),
            Map.entry(23, "Redirected to new destination"),
            Map.entry(ANSWERED_ELSEWHERE, "Answered elsewhere"),
            Map.entry(DESTINATION_OUT_OF_ORDER, "Destination out of order"),
            Map.entry(28, "Invalid number format"),
            Map.entry(29, "Facility rejected"),
            Map.entry(30, "Response to STATus ENQuiry"),
            Map.entry(NORMAL_UNSPECIFIED, "Normal, unspecified"),
            Map.entry(NORMAL_CIRCUIT_CONGESTION, "Circuit/channel congestion"),
            Map.entry(NETWORK_OUT_OF_ORDER, "Network out of order"),
            Map.entry(NORMAL_TEMPORARY_FAILURE, "Temporary failure"),
            Map.entry(42, "Switching equipment congestion"),
            Map.entry(43, "Access information discarded"),
            Map.entry(REQUESTED_CHAN_UNAVAIL, "Requested channel not available"),
            Map.entry(50, "Facility not subscribed"),
            Map.entry(52, "Outgoing call barred"),
            Map.entry(54, "Incoming call barred"),
            Map.entry(57, "Bearer capability not authorized"),
            Map.entry(58, "Bearer capability not available"),
            Map.entry(65, "Bearer capability not implemented"),
            Map.entry(CHAN_NOT_IMPLEMENTED, "Channel not implemented"),
            Map.entry(69, "Facility not implemented"),
            Map.entry(81, "Invalid call reference value"),
            Map.entry(88, "Incompatible destination"),
            Map.entry(95, "Invalid message unspecified"),
            Map.entry(96, "Mandatory information element is missing"),
            Map.entry(97, "Message type nonexist."),
            Map.entry(98, "Wrong message"),
            Map.entry(99, "Info. element nonexist or not implemented"),
            Map.entry(100, "Invalid information element contents"),
            Map.entry(101, "Message not compatible with call state"),
            Map.entry(102, "Recover on timer expiry"),
            Map.entry(103, "Mandatory IE length error"),
            Map.entry(111, "Protocol error, unspecified"),
            Map.entry(127, "Interworking, unspecified"));

    private HangupCause() {
    }

    /** The text Asterisk writes as {@code Cause-txt}; {@code Unknown} for 0 and unlisted numbers. */
    public static String text(int cause) {
        return TEXT.getOrDefault(cause, "Unknown");
    }
}
