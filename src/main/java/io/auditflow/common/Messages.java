package io.auditflow.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one reader of the message bundle {@code vaadin-i18n/translations*.properties} (English is
 * the base file, German {@code _de}). The UI's translation provider, {@link Labels} and any
 * server-side text read it through here, so there is one place that decides fallbacks.
 */
public final class Messages {

    public static final String BUNDLE = "vaadin-i18n/translations";

    /** The languages shipped; the first is the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** Never falls back to the JVM's default locale: a German server must still answer English for English. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** One of the shipped languages for any locale: German for de-*, English otherwise. */
    public static Locale language(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, language(locale), Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The text for {@code key} with {@link MessageFormat} arguments; the key itself when it is missing. */
    public static String get(String key, Locale locale, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, language(locale)).format(args);
    }
}
