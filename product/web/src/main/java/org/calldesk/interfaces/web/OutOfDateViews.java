package org.calldesk.interfaces.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form posted with a view token the server does not know: the page was open across a restart or
 * for longer than the session, or the token was made up. Nothing the form asked for is done, and
 * the answer is the client's error it is, not a server failure: {@code 400} with the page that says
 * so ({@code expired.html}, which leads back to the console). An Ajax request gets a redirect to
 * that page instead, which the browser's Faces script follows.
 */
public class OutOfDateViews extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(OutOfDateViews.class.getName());
    static final String PAGE = "/expired.html";

    public OutOfDateViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable exception = events.next().getContext().getException();
                if (faces != null && isOutOfDate(exception) && !faces.getResponseComplete()) {
                    events.remove();
                    answer(faces);
                }
            }
            getWrapped().handle();
        }

        private static boolean isOutOfDate(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void answer(FacesContext faces) {
            ExternalContext external = faces.getExternalContext();
            LOG.fine(() -> "a form with an unknown view token: " + external.getRequestServletPath());
            try {
                if (faces.getPartialViewContext().isAjaxRequest()) {
                    external.redirect(external.getRequestContextPath() + PAGE);
                } else {
                    external.responseReset();
                    external.setResponseStatus(400);
                    external.setResponseContentType("text/html");
                    external.setResponseCharacterEncoding("UTF-8");
                    try (InputStream page = external.getResourceAsStream(PAGE)) {
                        OutputStream out = external.getResponseOutputStream();
                        if (page != null) {
                            page.transferTo(out);
                        }
                    }
                }
                faces.responseComplete();
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }
    }
}
