package org.calldesk.interfaces.web.signin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.calldesk.interfaces.security.ConsoleAuthenticationMechanism;
import org.calldesk.interfaces.web.Caller;
import org.calldesk.interfaces.web.Feedback;
import org.calldesk.interfaces.web.Messages;

/** The sign-in page and signing out. */
@Named
@RequestScoped
public class SignIn {

    private static final String CONSOLE = "/index.xhtml";

    @Inject
    SecurityContext security;

    @Inject
    Caller caller;

    private String username;
    private String password;

    /** Someone already signed in who opens the sign-in page goes on to the console. */
    public void skipIfSignedIn() throws IOException {
        if (caller.isSignedIn()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + CONSOLE);
        }
    }

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String login = username == null ? "" : username.strip();
        if (login.isEmpty()) {
            Feedback.error("signin:username", Messages.text("signin.loginMissing"));
            return;
        }
        if (password == null || password.isEmpty()) {
            Feedback.error("signin:password", Messages.text("signin.passwordMissing"));
            return;
        }
        String original = originalRequest(request);
        AuthenticationStatus status = security.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(login, new Password(password))).newAuthentication(true));
        switch (status) {
            case SUCCESS:
                external.redirect(external.getRequestContextPath() + (original == null ? CONSOLE : original));
                break;
            case SEND_CONTINUE:
                faces.responseComplete();
                break;
            default:
                Feedback.error("signin:password", Messages.text("signin.wrong"));
                break;
        }
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + ConsoleAuthenticationMechanism.LOGIN_PAGE);
    }

    /** The page asked for before signing in; only a path of this application, never the sign-in page. */
    private static String originalRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object original = session == null ? null : session.getAttribute(ConsoleAuthenticationMechanism.ORIGINAL_REQUEST);
        if (!(original instanceof String) || !((String) original).startsWith("/") || ((String) original).startsWith("//")
                || ((String) original).startsWith(ConsoleAuthenticationMechanism.LOGIN_PAGE)
                || ((String) original).startsWith("/jakarta.faces.")) {
            return null;
        }
        return (String) original;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
