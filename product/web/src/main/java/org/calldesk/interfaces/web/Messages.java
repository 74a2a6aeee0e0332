package org.calldesk.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The console's words in the browser's language: the resource bundle {@value #BUNDLE} (English,
 * and German for a browser that prefers it), which the pages read as {@code #{msg['key']}} and
 * Java code reads here. A text with arguments is a {@link MessageFormat} pattern ({0}, {1}; a
 * single quote written twice); a text without is used as written.
 */
public final class Messages {

    /** The base name of the bundle, as faces-config.xml registers it. */
    public static final String BUNDLE = "org.calldesk.interfaces.web.messages";

    private Messages() {
    }

    /** The text for {@code key} in the language of the current page (English outside a Faces request). */
    public static String text(String key, Object... arguments) {
        return text(locale(), key, arguments);
    }

    /** The text for {@code key} in {@code locale}; a missing key is a bug and fails. */
    public static String text(Locale locale, String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The text for a key made from a value (a status, an end cause), if the bundle has one. */
    public static Optional<String> find(Locale locale, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    }

    /** The language of the current page (Faces chose it from the browser's Accept-Language); English outside a Faces request. */
    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }
}
