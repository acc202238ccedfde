package io.auditflow.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A message as a bundle key and its arguments, for texts a service puts together from pieces (an
 * import row's problem, a merge reason, a default name). Its English wording is what the API, logs
 * and stored data keep; a view words it for its reader through {@link Messages#word} (decision 0153).
 * Arguments may be days (written the reader's way), enums (their label), numbers, other phrases or
 * {@link Worded} data (a task name worded by its feature).
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, args == null ? List.of() : Arrays.asList(args));
    }

    /** The English text, exactly as services wrote it before they carried keys. */
    public String english() {
        return Messages.word(this, Locale.ENGLISH);
    }

    public String in(Locale locale) {
        return Messages.word(this, locale);
    }
}
