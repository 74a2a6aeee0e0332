package org.calldesk.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;

/**
 * A value a view-scoped bean reads from the services once per request, however often the page
 * asks for it while rendering; the next request (a push refresh, a click) reads it afresh.
 */
public final class PerRequest<T> {

    private final Supplier<T> loader;
    private transient Object request;
    private transient T value;

    public PerRequest(Supplier<T> loader) {
        this.loader = loader;
    }

    public T get() {
        Object current = FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (current != request) {
            value = loader.get();
            request = current;
        }
        return value;
    }

    /** Read again on the next {@link #get()}, after this request changed something. */
    public void reset() {
        request = null;
        value = null;
    }
}
