package org.calldesk.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers a browser needs to keep the console and the API to themselves, on every answer:
 * no content-type sniffing, no referrer outside the application, and a content security policy.
 * The console's policy lets in only what the application serves itself: scripts, styles, images
 * and WebSocket push from its own origin, no plugins, forms posted only back to it, framed only by
 * itself. Jakarta Faces writes event handlers inline and evaluates the scripts of Ajax answers
 * ({@code faces.js} calls {@code eval}), so scripts need {@code 'unsafe-inline'} and
 * {@code 'unsafe-eval'}; what an attacker would inject is still refused from anywhere else.
 * The API's JSON is never a document: its policy allows nothing.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /**
     * The headers of this answer; also for answers given before any filter runs (a 401 of the
     * authentication mechanism).
     */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath()
                + ConsoleAuthenticationMechanism.API_PATH);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", api ? API_POLICY : CONSOLE_POLICY);
    }
}
