package org.calldesk.application.integration;

/**
 * Asks for the caller of a new call to be looked up in the CRM once the transaction that made
 * the call commits. The lookup runs on its own thread beside routing, so it never delays the
 * agent's alert; its result arrives as a later change of the call (and of its ticket).
 */
public interface ScreenPopTrigger {

    /** No CRM lookups, where none is wanted (tests that wire services by hand). */
    ScreenPopTrigger NONE = (callId, customerNumber) -> {
    };

    void lookUpSoon(String callId, String customerNumber);
}
