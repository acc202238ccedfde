package io.auditflow.lifecycle;

import java.util.List;

/**
 * One input of a task's completion form. {@code name} is the process variable it sets.
 *
 * @param choices for {@link Type#CHOICE}: the allowed codes, shown with their labels
 */
public record FormField(String name, String label, Type type, boolean required, List<Choice> choices,
                        String helperText) {

    /** What kind of value the field takes; it decides the variable's Java type. */
    public enum Type {
        /** A {@code String}. */
        TEXT,
        /** A longer {@code String}. */
        TEXT_AREA,
        /** An ISO-8601 date, stored as a {@code String} such as {@code 2026-03-31}. */
        DATE,
        /** The day something happened, stored like {@link #DATE}; never in the future. */
        PAST_DATE,
        /** A {@code Long}. */
        INTEGER,
        /** One of {@code choices}, stored as its code ({@code String}). */
        CHOICE,
        /** A {@code Boolean}. */
        BOOLEAN
    }

    public record Choice(String code, String label) {
    }

    public static FormField text(String name, String label, boolean required) {
        return new FormField(name, label, Type.TEXT, required, List.of(), null);
    }
}
