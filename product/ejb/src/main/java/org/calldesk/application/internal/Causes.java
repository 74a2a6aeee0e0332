package org.calldesk.application.internal;

import java.util.function.Predicate;

/** Questions about a failure and the chain of its causes (an EJB or persistence exception wraps the real one). */
final class Causes {

    private Causes() {
    }

    /** Whether the failure or any of its causes passes the test. */
    static boolean any(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
