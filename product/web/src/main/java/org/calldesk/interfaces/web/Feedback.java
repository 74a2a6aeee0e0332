package org.calldesk.interfaces.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calldesk.application.Failure;
import org.calldesk.application.RequestRefused;

/**
 * Runs what an agent asked for and, when it is refused, says why in words next to what caused
 * it: each refusal becomes a Faces message for the component the page shows it beside (a
 * field, or the buttons that made the request). Nothing typed is cleared on a refusal.
 */
public final class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    private Feedback() {
    }

    /**
     * @param clientId where the page shows a refusal (a component's client id)
     * @return whether it was done
     */
    public static boolean attempt(String clientId, Runnable action) {
        return attempt(clientId, () -> {
            action.run();
            return Boolean.TRUE;
        }, refused -> clientId).isPresent();
    }

    /**
     * @param placement where to show a refusal, by its kind (for example a field for a malformed
     *                  number); null for nowhere but the general message area
     */
    public static <T> Optional<T> attempt(String fallbackClientId, Supplier<T> action,
                                          Function<RequestRefused, String> placement) {
        try {
            return Optional.ofNullable(action.get());
        } catch (RequestRefused refused) {
            error(placement.apply(refused), sentence(refused.getMessage()));
        } catch (EJBException | IllegalStateException e) {
            Failure failure = Failure.of(e);
            if (failure instanceof Failure.Refused refused) {
                error(placement.apply(refused.refusal()), sentence(refused.refusal().getMessage()));
            } else if (failure instanceof Failure.ConcurrentChange) {
                error(fallbackClientId, Messages.text("feedback.conflict"));
            } else {
                LOG.log(Level.SEVERE, "console request failed", e);
                error(fallbackClientId, Messages.text("feedback.serverError"));
            }
        }
        return Optional.empty();
    }

    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public static void info(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** The services' messages start in lower case (they are written to be embedded); a page shows sentences. */
    public static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return Messages.text("feedback.refused");
        }
        String text = message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
