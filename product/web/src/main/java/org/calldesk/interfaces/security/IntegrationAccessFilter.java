package org.calldesk.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.calldesk.application.integration.IntegrationAccessService.IntegrationCall;
import org.calldesk.application.integration.IntegrationAccessService;

/**
 * What an integration (a caller with an API key, role {@code integration}) may do in the REST API,
 * and the audit trail of everything it does. Allowed: reading calls, tickets, agents and services;
 * click-to-dial ({@code POST v1/calls}); creating and changing tickets. Anything else, agent and
 * service management, status changes, call control, keys and audit included, is a 403 problem
 * {@code INTEGRATION_NOT_ALLOWED}. Each request, allowed or not, is written to the audit trail
 * with its status; refused keys (401) are audited by {@link ConsoleAuthenticationMechanism}.
 */
@WebFilter(urlPatterns = "/api/*")
public class IntegrationAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IntegrationAccessFilter.class.getName());

    /** Request attributes the authentication mechanism sets for a caller with an API key. */
    static final String KEY_ID = IntegrationAccessFilter.class.getName() + ".keyId";
    static final String KEY_NAME = IntegrationAccessFilter.class.getName() + ".keyName";

    private record Rule(String method, Pattern path) {
    }

    private static final List<Rule> ALLOWED = List.of(
            new Rule("GET", Pattern.compile("v1/(calls|tickets|agents|services)(/[^/]+)*/?")),
            new Rule("POST", Pattern.compile("v1/calls/?")),
            new Rule("POST", Pattern.compile("v1/tickets/?")),
            new Rule("POST", Pattern.compile("v1/tickets/[^/]+/(resolve|pending|reopen|comments)/?")));

    @Inject
    IntegrationAccessService access;

    /** Whether an integration may call {@code method} on {@code path} (relative to {@code /api/}). */
    static boolean allowed(String method, String path) {
        return ALLOWED.stream().anyMatch(rule -> rule.method().equals(method) && rule.path().matcher(path).matches());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isIntegrationOnly(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/api/".length());
        try {
            if (allowed(request.getMethod(), path)) {
                chain.doFilter(request, response);
            } else {
                forbid(request, response);
            }
        } finally {
            audit(request, response.getStatus());
        }
    }

    private static boolean isIntegrationOnly(HttpServletRequest request) {
        return request.isUserInRole(IntegrationKeyIdentityStore.ROLE) && !request.isUserInRole("admin")
                && !request.isUserInRole("agent");
    }

    private static void forbid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(jakarta.json.Json.createObjectBuilder()
                .add("type", "https://calldesk.org/problems/integration-not-allowed")
                .add("title", "Not allowed")
                .add("status", 403)
                .add("code", "INTEGRATION_NOT_ALLOWED")
                .add("detail", "an integration key may read calls, tickets, agents and services, dial for an agent"
                        + " and create or change tickets; not " + request.getMethod() + " " + request.getRequestURI())
                .build().toString());
    }

    private void audit(HttpServletRequest request, int status) {
        try {
            String query = request.getQueryString();
            access.audit(IntegrationCall.rest(Instant.now(), (String) request.getAttribute(KEY_ID),
                    (String) request.getAttribute(KEY_NAME), request.getUserPrincipal().getName(), request.getMethod(),
                    request.getRequestURI() + (query == null ? "" : "?" + query), status, request.getRemoteAddr()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "integration call not audited: " + request.getMethod() + " " + request.getRequestURI()
                    + ": " + e);
        }
    }
}
