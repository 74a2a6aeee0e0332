package org.calldesk.connector.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the PBX reported, mapped to the contact center's vocabulary. Nothing beyond the
 * connector sees the PBX's own protocol: these records are all the application learns.
 *
 * <p>Events of one call carry its {@link CallId}; device and connection events carry none.
 */
public sealed interface CallEvent extends Serializable {

    /** When the PBX reported it. */
    Instant at();

    /** The call it concerns, if any. */
    default Optional<CallId> callId() {
        return Optional.empty();
    }

    /** A customer called one of the service numbers and waits (with music) for an agent. */
    record CallArrived(CallId call, String callerNumber, String dialledNumber, Instant at) implements CallEvent {
        public CallArrived {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(callerNumber, "callerNumber is required");
            Objects.requireNonNull(dialledNumber, "dialledNumber is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** A phone rings for the call: the agent's device (inbound, outbound first leg) or the customer's number (outbound). */
    record CallRinging(CallId call, String party, Instant at) implements CallEvent {
        public CallRinging {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(party, "party is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** Customer and agent's device are connected (the agent's leg answered and is bridged with the customer) and talking. */
    record CallAnswered(CallId call, DeviceId agentDevice, Instant at) implements CallEvent {
        public CallAnswered {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(agentDevice, "agentDevice is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** The customer is on hold and hears music. */
    record CallHeld(CallId call, Instant at) implements CallEvent {
        public CallHeld {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** The customer is back with the agent after a hold. */
    record CallRetrieved(CallId call, Instant at) implements CallEvent {
        public CallRetrieved {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /**
     * Confirm did not reach the agent: the phone rang out, was busy or not reachable, so the
     * agent's leg never met the caller, who is still waiting (with music) on the PBX.
     */
    record ConnectFailed(CallId call, DeviceId agentDevice, EndCause cause, Instant at) implements CallEvent {
        public ConnectFailed {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(agentDevice, "agentDevice is required");
            Objects.requireNonNull(cause, "cause is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** Transfer try: the second agent answered and the two agents talk while the customer is held. */
    record ConsultAnswered(CallId call, DeviceId target, Instant at) implements CallEvent {
        public ConsultAnswered {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(target, "target is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** Transfer try did not reach the second agent; the customer is still held for the first. */
    record ConsultFailed(CallId call, DeviceId target, EndCause cause, Instant at) implements CallEvent {
        public ConsultFailed {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(target, "target is required");
            Objects.requireNonNull(cause, "cause is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /**
     * Nobody has the call any more, though the customer is still there (held, with music): the
     * agent who had it hung up during a transfer try, and the target did not answer. The
     * customer waits again for the next agent, in their place.
     */
    record CallRequeued(CallId call, Instant at) implements CallEvent {
        public CallRequeued {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** Transfer connect: the customer now talks to the target agent's device. */
    record CallTransferred(CallId call, DeviceId from, DeviceId to, Instant at) implements CallEvent {
        public CallTransferred {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(from, "from is required");
            Objects.requireNonNull(to, "to is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** The call is over for the customer. */
    record CallEnded(CallId call, EndCause cause, Instant at) implements CallEvent {
        public CallEnded {
            Objects.requireNonNull(call, "call is required");
            Objects.requireNonNull(cause, "cause is required");
            Objects.requireNonNull(at, "at is required");
        }

        @Override
        public Optional<CallId> callId() {
            return Optional.of(call);
        }
    }

    /** An agent's phone changed state (registered, unregistered, in use...). */
    record DeviceStateChanged(DeviceId device, DeviceState state, Instant at) implements CallEvent {
        public DeviceStateChanged {
            Objects.requireNonNull(device, "device is required");
            Objects.requireNonNull(state, "state is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** The adapter lost its session with the PBX; call events may be missing until it is restored. */
    record PbxConnectionLost(String reason, Instant at) implements CallEvent {
        public PbxConnectionLost {
            Objects.requireNonNull(reason, "reason is required");
            Objects.requireNonNull(at, "at is required");
        }
    }

    /**
     * Every call the PBX has at this moment, listed after each login of the adapter (at start-up and
     * after a reconnect). A call the application holds as active that is not listed, and is older
     * than the listing, ended while nobody was watching.
     */
    record PbxCallsListed(java.util.Set<CallId> calls, Instant at) implements CallEvent {
        public PbxCallsListed {
            calls = java.util.Set.copyOf(Objects.requireNonNull(calls, "calls is required"));
            Objects.requireNonNull(at, "at is required");
        }
    }

    /** The session with the PBX is back; events about calls that changed meanwhile follow. */
    record PbxConnectionRestored(Instant at) implements CallEvent {
        public PbxConnectionRestored {
            Objects.requireNonNull(at, "at is required");
        }
    }
}
