package org.calldesk.application.internal;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import org.calldesk.application.RequestRefused;
import org.calldesk.domain.shared.TransitionRefused;

/**
 * Turns the domain's refusals into {@link RequestRefused}, the application exception that rolls
 * the transaction back without the container treating it as a failure of the bean. The domain
 * itself stays free of EJB: it throws {@link TransitionRefused} for a change its rules forbid and
 * {@link IllegalArgumentException} for a value it cannot take. A concurrent change of the same
 * agent or call, detected early by a flush, is a conflict the client may retry.
 */
public class DomainRules {

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (TransitionRefused e) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, e.code(), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(RequestRefused.Kind.BAD_INPUT, "BAD_INPUT", e.getMessage(), e);
        } catch (OptimisticLockException e) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, "CONCURRENT_CHANGE",
                    "changed by someone else at the same time; try again", e);
        }
    }
}
