package org.calldesk.application.internal;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import org.calldesk.application.Failure;
import org.calldesk.application.RequestRefused;
import org.calldesk.domain.shared.TransitionRefused;

/**
 * Turns the domain's refusals into {@link RequestRefused}, the application exception that rolls
 * the transaction back without the container treating it as a failure of the bean. The domain
 * itself stays free of EJB: it throws {@link TransitionRefused} for a change its rules forbid and
 * {@link IllegalArgumentException} for a value it cannot take. A concurrent change of the same
 * agent or call, detected early by a flush, is a conflict the client may retry. Which is which
 * is {@link Failure#refusalOf}'s to say.
 */
public class DomainRules {

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw Failure.refusalOf(e).orElseThrow(() -> e);
        }
    }
}
