package org.calldesk.interfaces.health;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.calldesk.infrastructure.health.HealthReport;

/**
 * {@code GET /calldesk/health}: the application's PBX, database and broker checks on every server,
 * also where MicroProfile Health is missing (GlassFish) or does not report an EAR's checks
 * (WildFly). 200 when all are UP, 503 when any is DOWN. Open, like the servers' own {@code /health}:
 * monitors call it without credentials; it names settings to fix, never their values.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient HealthReport health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport.Answer answer = health.run();
        response.setStatus(answer.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        try (var writer = Json.createWriter(response.getWriter())) {
            writer.writeObject(answer.json());
        }
    }
}
