package io.auditflow.common;

import java.util.Locale;

/**
 * The one owner of how an enum constant is shown to people: the bundle key
 * {@code enum.<Type>.<CONSTANT>} (nested types as {@code Outer.Inner}), in the reader's language.
 * APIs keep the codes; views, mails and messages show these words.
 */
public final class Labels {

    private Labels() {
    }

    public static String key(Enum<?> value) {
        return "enum." + typeName(value.getDeclaringClass()) + "." + value.name();
    }

    /** {@code Soa$Status} becomes {@code Soa.Status}, so two nested {@code Status} types do not clash. */
    public static String typeName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    public static String of(Enum<?> value, Locale locale) {
        return value == null ? "" : Messages.get(key(value), locale);
    }

    /** English words, for API error bodies and logs that are not tied to a reader's language. */
    public static String english(Enum<?> value) {
        return of(value, Locale.ENGLISH);
    }
}
