package org.calldesk.interfaces.rest;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.Failure;
import org.calldesk.application.RequestRefused;

/** Every error of the REST API as a problem detail; see {@link ProblemDetails}. */
final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class RequestRefusedMapper implements ExceptionMapper<RequestRefused> {
        @Override
        public Response toResponse(RequestRefused e) {
            return ProblemDetails.of(e);
        }
    }

    /** JAX-RS's own errors: unknown path, wrong method, unreadable body... */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return ProblemDetails.of(status, status == 404 ? "NOT_FOUND" : status == 400 ? "BAD_INPUT" : "HTTP_" + status,
                    e.getMessage());
        }
    }

    @Provider
    public static class JsonExceptionMapper implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return ProblemDetails.of(400, "BAD_INPUT", "the body is not the JSON expected: " + e.getMessage());
        }
    }

    /**
     * A failure inside a service bean. A concurrent change found at commit (two requests on one
     * call at once) is a conflict the client may retry; anything else is our fault and logged.
     */
    @Provider
    public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
        private static final Logger LOG = Logger.getLogger(EjbExceptionMapper.class.getName());

        @Override
        public Response toResponse(EJBException e) {
            Failure failure = Failure.of(e);
            if (failure instanceof Failure.Refused refused) {
                return ProblemDetails.of(refused.refusal());
            }
            if (failure instanceof Failure.ConcurrentChange conflict) {
                return ProblemDetails.of(conflict.refusal());
            }
            LOG.log(Level.SEVERE, "request failed", e);
            return ProblemDetails.of(500, "INTERNAL_ERROR", "the request failed; the server log has the details");
        }
    }
}
