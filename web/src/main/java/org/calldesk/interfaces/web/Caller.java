package org.calldesk.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.calldesk.application.Actor;

/** The signed-in account of this request, as the pages and the application services see it. */
@Named
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    /** The login id, which is also the id of the account's CTI agent. */
    public String getLoginId() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole("admin");
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public Actor actor() {
        return new Actor(getLoginId(), isAdmin());
    }
}
