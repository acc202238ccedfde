package io.auditflow.search;

import java.util.Locale;

/**
 * What was typed, trimmed and lower-cased. {@link #likePattern()} escapes SQL LIKE's wildcards
 * ({@code %}, {@code _}) and the escape character itself, for {@code like ? escape '\'}.
 */
public record SearchQuery(String text) {

    public SearchQuery {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code %text%} with {@code \}, {@code %} and {@code _} escaped by {@code \}. */
    public String likePattern() {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Whether {@code value} contains the text, ignoring case (for providers that filter in memory). */
    public boolean matches(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }
}
