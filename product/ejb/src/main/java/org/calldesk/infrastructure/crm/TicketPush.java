package org.calldesk.infrastructure.crm;

/** Sends one ticket change to the CRM and says how it went. */
@FunctionalInterface
public interface TicketPush {

    /** How the CRM took a change. */
    enum Kind {
        /** Taken, or known already by its idempotency key. */
        ACCEPTED,
        /** Refused for good: the CRM says the request itself is wrong (4xx); retrying would not help. */
        REFUSED,
        /** Not reachable, timed out, or failed (5xx, 408, 429): try again later. */
        UNAVAILABLE
    }

    record Result(Kind kind, String detail) {

        public static Result accepted() {
            return new Result(Kind.ACCEPTED, null);
        }

        /** How an HTTP status of the CRM's answer counts. */
        public static Result ofStatus(int status, String body) {
            if (status >= 200 && status < 300 || status == 409) {
                return accepted(); // 409: the CRM had this key already
            }
            String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body);
            if (status == 408 || status == 429 || status >= 500) {
                return new Result(Kind.UNAVAILABLE, detail);
            }
            return new Result(Kind.REFUSED, detail);
        }
    }

    Result push(String idempotencyKey, String ticketEventJson);
}
