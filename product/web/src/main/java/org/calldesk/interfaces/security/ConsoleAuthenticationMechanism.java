package org.calldesk.interfaces.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.calldesk.application.integration.IntegrationAccessService.IntegrationCall;
import org.calldesk.application.integration.IntegrationAccessService;
import org.calldesk.application.view.IntegrationKeyView;
import org.calldesk.interfaces.rest.ProblemDetails;

/**
 * One way in for two kinds of client, both checked by the same identity store
 * ({@link SecurityConfiguration}):
 * <ul>
 * <li>the REST API ({@code /api/*}): HTTP Basic on every request, no session; missing or wrong
 * credentials on a protected path are a 401 with a {@code WWW-Authenticate} challenge, which
 * CRMs and scripts expect. External systems send an API key instead
 * ({@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}), checked by
 * {@link IntegrationKeyIdentityStore}; a revoked or unknown key is a 401, audited, whatever the
 * path;</li>
 * <li>everything else (the console): the sign-in page. A signed-in caller is kept in the HTTP
 * session; a protected page asked for without one leads to the sign-in page, which brings the
 * agent back to the page asked for. A Faces Ajax request gets an Ajax redirect instead, so an
 * expired session in an open console shows the sign-in page rather than a broken response.</li>
 * </ul>
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "CallDesk";
    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger(
            ConsoleAuthenticationMechanism.class.getName());
    static final String API_PATH = "/api/";
    public static final String LOGIN_PAGE = "/login.xhtml";
    /** Session attribute: the page the caller asked for before being sent to sign in. */
    public static final String ORIGINAL_REQUEST = ConsoleAuthenticationMechanism.class.getName() + ".original";

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    AcceptedCredentials acceptedCredentials;

    @Inject
    IntegrationAccessService access;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return isApi(request) ? basic(request, response, context) : console(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        Optional<String> apiKey = apiKey(request.getHeader("Authorization"), request.getHeader("X-Api-Key"));
        if (apiKey.isPresent()) {
            return withApiKey(request, response, context, apiKey.get());
        }
        Optional<UsernamePasswordCredential> credential = basicCredential(request);
        if (credential.isPresent()) {
            Optional<CredentialValidationResult> known = acceptedCredentials.find(credential.get());
            CredentialValidationResult result = known.orElseGet(() -> identityStore.validate(credential.get()));
            if (result.getStatus() == VALID) {
                if (known.isEmpty()) {
                    acceptedCredentials.remember(credential.get(), result);
                }
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (context.isProtected()) {
            return unauthorized(request, response, "Basic", credential.isPresent()
                    ? "the login or password is wrong" : "sign in with HTTP Basic or an API key");
        }
        return context.doNothing();
    }

    private AuthenticationStatus withApiKey(HttpServletRequest request, HttpServletResponse response,
                                            HttpMessageContext context, String key) {
        CredentialValidationResult result = identityStore.validate(new ApiKeyCredential(key));
        if (result.getStatus() == VALID) {
            if (result.getCallerPrincipal() instanceof IntegrationPrincipal principal) {
                request.setAttribute(IntegrationAccessFilter.KEY_ID, principal.keyId());
                request.setAttribute(IntegrationAccessFilter.KEY_NAME, principal.keyName());
            }
            return context.notifyContainerAboutLogin(result);
        }
        auditRefusedKey(request, key);
        return unauthorized(request, response, "Bearer", "the API key is unknown or revoked");
    }

    /**
     * A 401 as every other error of the API: a problem detail (code {@code NOT_SIGNED_IN}) with the
     * challenge of the scheme, written and committed here so that the server adds no page of its own.
     */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String scheme, String detail) {
        SecurityHeaders.apply(request, response);
        response.setHeader("WWW-Authenticate", scheme + " realm=\"" + REALM + "\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(ProblemDetails.PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(ProblemDetails.body(HttpServletResponse.SC_UNAUTHORIZED, "NOT_SIGNED_IN", detail));
            response.flushBuffer();
        } catch (IOException e) {
            LOGGER.fine(() -> "401 not written: " + e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A refused key in the audit trail: the key's id and name if it was ever issued (revoked), never the key. */
    private void auditRefusedKey(HttpServletRequest request, String key) {
        try {
            Optional<IntegrationKeyView> known = access.identify(key);
            access.audit(IntegrationCall.rest(Instant.now(), known.map(IntegrationKeyView::id).orElse(null),
                    known.map(IntegrationKeyView::name).orElse(null),
                    known.map(k -> k.principal() + " (revoked)").orElse("unknown API key"),
                    request.getMethod(), request.getRequestURI(),
                    HttpServletResponse.SC_UNAUTHORIZED, request.getRemoteAddr()));
        } catch (RuntimeException e) {
            LOGGER.warning(() -> "refused API key not audited: " + e);
        }
    }

    /**
     * The API key of a request: {@code X-Api-Key}, or the token of {@code Authorization: Bearer}.
     * Empty when there is none.
     */
    static Optional<String> apiKey(String authorization, String xApiKey) {
        if (xApiKey != null && !xApiKey.isBlank()) {
            return Optional.of(xApiKey.strip());
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank()) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.empty();
    }

    private AuthenticationStatus console(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context) {
        Credential credential = context.isAuthenticationRequest() && context.getAuthParameters() != null
                ? context.getAuthParameters().getCredential() : null;
        if (credential instanceof UsernamePasswordCredential password) {
            return signIn(request, context, password);
        }
        HttpSession session = request.getSession(false);
        Object caller = session == null ? null : session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        if (caller instanceof SignedInCaller signedIn) {
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (context.isProtected()) {
            return toLoginPage(request, response, context);
        }
        return context.doNothing();
    }

    /** The sign-in page's credentials: checked, and on success kept in a new session id. */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        UsernamePasswordCredential credential) {
        CredentialValidationResult result = identityStore.validate(credential);
        if (result.getStatus() != VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SignedInCaller.SESSION_ATTRIBUTE,
                new SignedInCaller(result.getCallerPrincipal().getName(), result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        String loginUrl = request.getContextPath() + LOGIN_PAGE;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + loginUrl + "\"></redirect></partial-response>");
                response.flushBuffer();
            } catch (IOException e) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(ORIGINAL_REQUEST,
                    request.getRequestURI().substring(request.getContextPath().length())
                            + (query == null ? "" : "?" + query));
        }
        return context.redirect(loginUrl);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PATH);
    }

    private static Optional<UsernamePasswordCredential> basicCredential(HttpServletRequest request) {
        return basicCredential(request.getHeader("Authorization"));
    }

    /** The login and password of an {@code Authorization: Basic ...} header; empty when it is none or malformed. */
    static Optional<UsernamePasswordCredential> basicCredential(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
