package org.calldesk.domain.model.call;

/** Who started the call: a customer calling a service (inbound) or an agent dialling up (outbound). */
public enum CallDirection {
    INBOUND,
    OUTBOUND
}
