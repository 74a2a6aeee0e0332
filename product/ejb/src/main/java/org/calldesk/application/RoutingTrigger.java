package org.calldesk.application;

/**
 * Asks for a service's waiting calls to be offered to its Ready agents once the current
 * transaction commits (a call arrived, an agent became Ready, an offer was cancelled). Routing
 * runs in transactions of its own, so a lost race between two offers never fails the change
 * that triggered it.
 */
public interface RoutingTrigger {

    void routeSoon(String serviceId);
}
