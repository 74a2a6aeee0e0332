package org.calldesk.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.calldesk.application.Actor;

/** The signed-in account of this request, as the pages and the application services see it. */
@Named
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    /** The login id, which is also the id of the account's CTI agent; null when nobody is signed in. */
    public String getLoginId() {
        Principal principal = principal(security, request);
        return principal == null ? null : principal.getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole("admin");
    }

    public boolean isSignedIn() {
        return principal(security, request) != null;
    }

    public Actor actor() {
        return new Actor(getLoginId(), isAdmin());
    }

    /**
     * The caller the authentication mechanism signed in for this request, or null for an
     * anonymous request. Servlet's user principal is null for an anonymous request on every
     * server; Jakarta Security's caller principal is not: on WildFly it is Elytron's anonymous
     * identity ("anonymous") for a request nobody signed in, and the sign-in page, taking that
     * for a signed-in agent, sent the browser to the console, which sent it back to sign in.
     */
    static Principal principal(SecurityContext security, HttpServletRequest request) {
        return request.getUserPrincipal() == null ? null : security.getCallerPrincipal();
    }
}
