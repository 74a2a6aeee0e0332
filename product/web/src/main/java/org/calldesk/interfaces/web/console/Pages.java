package org.calldesk.interfaces.web.console;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What the console's view models ask of the page: re-render a part, which page is open, go to the console. */
final class Pages {

    static final String CONSOLE_VIEW = "/index.xhtml";

    private Pages() {
    }

    /** Re-render the component with this client id in the answer to an Ajax request. */
    static void render(String clientId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getPartialViewContext().isAjaxRequest()) {
            faces.getPartialViewContext().getRenderIds().add(clientId);
        }
    }

    static boolean onConsole() {
        return CONSOLE_VIEW.equals(FacesContext.getCurrentInstance().getViewRoot().getViewId());
    }

    /** @param query the query string without "?", or null */
    static void redirectToConsole(String query) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + CONSOLE_VIEW + (query == null ? "" : "?" + query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the agent typed, stripped; null when nothing was typed. */
    static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
