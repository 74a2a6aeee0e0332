package org.calldesk.application;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.util.Optional;
import org.calldesk.domain.shared.TransitionRefused;

/**
 * What a failed request was, for whoever answers it (the services, REST, the console, the
 * command queue): refused by the contact center, lost to a concurrent change of the same rows
 * (the client may try again), or unexpected (our fault, to be logged). The one place that reads
 * exceptions and the chain of their causes (an EJB or persistence exception wraps the real one)
 * to tell which.
 */
public sealed interface Failure {

    /** The code and message of a concurrent change, wherever it is answered as a refusal. */
    String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";

    /** Refused, with why in the kind, code and message of the refusal. */
    record Refused(RequestRefused refusal) implements Failure {
    }

    /**
     * Another request changed the same rows first (a version conflict at a flush or at the
     * commit): nothing changed, and the same request may succeed if tried again.
     */
    record ConcurrentChange(Throwable failure) implements Failure {

        /** This conflict as a refusal: kind conflict, code {@value #CONCURRENT_CHANGE}. */
        public RequestRefused refusal() {
            return concurrentChange(failure);
        }
    }

    /** Anything else. */
    record Unexpected(Throwable failure) implements Failure {
    }

    /**
     * The failure, through its causes: a refusal anywhere in the chain is {@link Refused}, else a
     * version conflict or a transaction rolled back at its commit anywhere is
     * {@link ConcurrentChange}, else it is {@link Unexpected}.
     */
    static Failure of(Throwable failure) {
        Optional<RequestRefused> refused = cause(failure, RequestRefused.class);
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        if (cause(failure, OptimisticLockException.class).isPresent()
                || cause(failure, RollbackException.class).isPresent()) {
            return new ConcurrentChange(failure);
        }
        return new Unexpected(failure);
    }

    /**
     * What the domain throws, itself (not its causes), as the refusal it means: a change its rules
     * forbid ({@link TransitionRefused}) is a conflict with the domain's code, a value it cannot
     * take ({@link IllegalArgumentException}) bad input, a version conflict found by a flush a
     * concurrent change; anything else is no refusal.
     */
    static Optional<RequestRefused> refusalOf(Throwable thrown) {
        if (thrown instanceof TransitionRefused refused) {
            return Optional.of(new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.valueOf(refused.code()),
                    refused.getMessage(), refused));
        }
        if (thrown instanceof IllegalArgumentException bad) {
            return Optional.of(new RequestRefused(RequestRefused.Kind.BAD_INPUT, RefusalCode.BAD_INPUT,
                    bad.getMessage(), bad));
        }
        if (thrown instanceof OptimisticLockException conflict) {
            return Optional.of(concurrentChange(conflict));
        }
        return Optional.empty();
    }

    private static RequestRefused concurrentChange(Throwable failure) {
        return new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.CONCURRENT_CHANGE,
                "changed by someone else at the same time; try again", failure);
    }

    private static <X extends Throwable> Optional<X> cause(Throwable failure, Class<X> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
