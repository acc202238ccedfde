package io.auditflow.common;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Bundle keys under this prefix hold the English words a service throws (decision 0140). */
    public static final String SERVICE_PREFIX = "service.";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, Pattern> SERVICE_PATTERNS = new ConcurrentHashMap<>();

    /**
     * A service's English message in the reader's language: the English bundle entry under
     * {@link #SERVICE_PREFIX} that matches it (values at its placeholders, ISO days written the
     * reader's way), the same key in the reader's bundle; the text unchanged when none matches.
     * APIs keep the English text; only views call this.
     */
    public static String fromEnglish(String text, Locale locale) {
        return fromEnglish(text, locale, SERVICE_PREFIX);
    }

    /**
     * The same for English texts of another kind whose patterns live under {@code prefix} (task names
     * under {@code task.name.}): the text unchanged for English readers or when nothing matches.
     */
    public static String fromEnglish(String text, Locale locale, String prefix) {
        if (text == null || text.isEmpty() || Locale.ENGLISH.equals(language(locale))) {
            return text;
        }
        ResourceBundle english = bundle(Locale.ENGLISH);
        ResourceBundle target = bundle(locale);
        for (String key : english.keySet()) {
            if (!key.startsWith(prefix) || !target.containsKey(key)) {
                continue;
            }
            String pattern = english.getString(key);
            if (!PLACEHOLDER.matcher(pattern).find()) {
                if (pattern.equals(text)) {
                    return target.getString(key);
                }
                continue;
            }
            Matcher m = SERVICE_PATTERNS.computeIfAbsent(pattern, Messages::regex).matcher(text);
            if (m.matches()) {
                List<Integer> order = new ArrayList<>();
                Matcher p = PLACEHOLDER.matcher(pattern);
                while (p.find()) {
                    order.add(Integer.parseInt(p.group(1)));
                }
                Object[] args = new Object[order.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
                for (int i = 0; i < order.size(); i++) {
                    String value = m.group(i + 1);
                    args[order.get(i)] = ISO_DAY.matcher(value).matches()
                            ? Formats.date(LocalDate.parse(value), locale) : value;
                }
                return new MessageFormat(target.getString(key), language(locale)).format(args);
            }
        }
        return text;
    }

    /** A MessageFormat pattern as a regular expression with one group per placeholder. */
    private static Pattern regex(String pattern) {
        StringBuilder out = new StringBuilder();
        Matcher p = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (p.find()) {
            out.append(Pattern.quote(pattern.substring(last, p.start()).replace("''", "'"))).append("(.+?)");
            last = p.end();
        }
        out.append(Pattern.quote(pattern.substring(last).replace("''", "'")));
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }

    /**
     * A {@link Phrase} in the reader's language: the pattern of its key with its arguments, days
     * written the reader's way, enums as their labels, numbers without grouping, nested phrases
     * worded the same way. English gives exactly the text the service keeps for the API.
     */
    public static String word(Phrase phrase, Locale locale) {
        // a choice pattern ("{0,choice,1#1 day|1<{0} days}") needs its number as a number
        boolean choice = find(phrase.key(), locale).map(p -> p.contains(",choice,")).orElse(false);
        Object[] args = phrase.args().stream().map(a -> choice && a instanceof Number ? a : argument(a, locale)).toArray();
        return get(phrase.key(), locale, args);
    }

    private static Object argument(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Phrase p) {
            return word(p, locale);
        }
        if (value instanceof Worded w) {
            return w.in(language(locale));
        }
        if (value instanceof LocalDate day) {
            return Formats.date(day, locale);
        }
        if (value instanceof Enum<?> e) {
            return Labels.of(e, locale);
        }
        return String.valueOf(value);
    }

    /**
     * Stored data (a catalogue title, a task name) in the reader's language: the bundle's text under
     * {@code key} for a reader other than English when the bundle has it, else the stored text as it is.
     * English readers always read the stored text, so data and its English key cannot drift apart on screen.
     */
    public static String data(String key, String stored, Locale locale) {
        if (key == null || stored == null || Locale.ENGLISH.equals(language(locale))) {
            return stored;
        }
        // only while the stored text is still the one the bundle translates: a renamed item keeps its own name
        ResourceBundle english = bundle(Locale.ENGLISH);
        ResourceBundle bundle = bundle(locale);
        return english.containsKey(key) && english.getString(key).equals(stored) && bundle.containsKey(key)
                ? bundle.getString(key) : stored;
    }

    /** The reader's text under {@code key}, when the bundle has one (for words looked up by a code). */
    public static java.util.Optional<String> find(String key, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        return bundle.containsKey(key) ? java.util.Optional.of(bundle.getString(key)) : java.util.Optional.empty();
    }

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
