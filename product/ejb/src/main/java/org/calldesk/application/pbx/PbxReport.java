package org.calldesk.application.pbx;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something the PBX reported, one record per fact: what {@link
 * org.calldesk.application.CallEventService} applies. Reports of one call ({@link OfCall}) carry
 * its {@link PbxCallId}; reports of a phone or of the link to the PBX carry none.
 */
public sealed interface PbxReport {

    /** When the PBX reported it. */
    Instant at();

    /** The call it concerns, if any. */
    default Optional<PbxCallId> callId() {
        return this instanceof OfCall report ? Optional.of(report.call()) : Optional.empty();
    }

    /** A report about one call. */
    sealed interface OfCall extends PbxReport {
        PbxCallId call();
    }

    /** A customer called one of the service numbers and waits (with music) for an agent. */
    record CallArrived(PbxCallId call, String callerNumber, String dialledNumber, Instant at) implements OfCall {
        public CallArrived {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(callerNumber, "callerNumber is required");
            Objects.requireNonNull(dialledNumber, "dialledNumber is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** A phone rings for the call: the agent's (inbound, outbound first leg) or the customer's (outbound). */
    record CallRinging(PbxCallId call, String party, Instant at) implements OfCall {
        public CallRinging {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(party, "party is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** Customer and agent's phone are connected and talking. */
    record CallAnswered(PbxCallId call, String agentDevice, Instant at) implements OfCall {
        public CallAnswered {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(agentDevice, "agentDevice is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** The customer is on hold and hears music. */
    record CallHeld(PbxCallId call, Instant at) implements OfCall {
        public CallHeld {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** The customer is back with the agent after a hold. */
    record CallRetrieved(PbxCallId call, Instant at) implements OfCall {
        public CallRetrieved {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** Confirm did not reach the agent's phone (rang out, busy, unreachable); the caller still waits. */
    record ConnectFailed(PbxCallId call, String agentDevice, CallEndCause cause, Instant at) implements OfCall {
        public ConnectFailed {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(agentDevice, "agentDevice is required");
            Objects.requireNonNull(cause, "cause is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** Transfer try: the second agent answered and the two agents talk while the customer is held. */
    record ConsultAnswered(PbxCallId call, String target, Instant at) implements OfCall {
        public ConsultAnswered {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(target, "target is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** Transfer try did not reach the second agent; the customer is still held for the first. */
    record ConsultFailed(PbxCallId call, String target, CallEndCause cause, Instant at) implements OfCall {
        public ConsultFailed {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(target, "target is required");
            Objects.requireNonNull(cause, "cause is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /**
     * Nobody has the call any more, though the customer is still there (held, with music): the
     * agent hung up during a transfer try the target did not answer. The customer waits again.
     */
    record CallRequeued(PbxCallId call, Instant at) implements OfCall {
        public CallRequeued {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** Transfer connect: the customer now talks to the target agent's phone. */
    record CallTransferred(PbxCallId call, String from, String to, Instant at) implements OfCall {
        public CallTransferred {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(from, "from is required");
            Objects.requireNonNull(to, "to is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** The call is over for the customer. */
    record CallEnded(PbxCallId call, CallEndCause cause, Instant at) implements OfCall {
        public CallEnded {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(cause, "cause is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** An agent's phone changed state (registered, unregistered, in use...). */
    record DeviceStateChanged(String device, PhoneState state, Instant at) implements PbxReport {
        public DeviceStateChanged {
            Objects.requireNonNull(device, "device is required");
            Objects.requireNonNull(state, "state is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** The PBX's events stopped reaching us; reports of calls may be missing until they flow again. */
    record PbxConnectionLost(String reason, Instant at) implements PbxReport {
        public PbxConnectionLost {
            Objects.requireNonNull(reason, "reason is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /**
     * Every call the PBX has at this moment, listed after each login to the PBX (at start-up and
     * after a reconnect). A call the application holds as active that is not listed, and is older
     * than the listing, ended while nobody was watching.
     */
    record PbxCallsListed(Set<PbxCallId> calls, Instant at) implements PbxReport {
        public PbxCallsListed {
            calls = Set.copyOf(Objects.requireNonNull(calls, "calls is required"));
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** The PBX's events reach us again; reports of calls that changed meanwhile follow. */
    record PbxConnectionRestored(Instant at) implements PbxReport {
        public PbxConnectionRestored {
            Objects.requireNonNull(at, "at is required");
        }
    }
}
