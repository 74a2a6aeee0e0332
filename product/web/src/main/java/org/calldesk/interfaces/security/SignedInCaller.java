package org.calldesk.interfaces.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Who signed in on the sign-in page, kept in their HTTP session so each later request of that
 * session is authenticated without asking the identity store again. The roles are those of the
 * moment of sign-in.
 */
record SignedInCaller(String name, Set<String> groups) implements Serializable {

    /** The session attribute that holds the caller. */
    static final String SESSION_ATTRIBUTE = SignedInCaller.class.getName();

    SignedInCaller {
        Objects.requireNonNull(name, "name is required");
        groups = Set.copyOf(groups);
    }
}
