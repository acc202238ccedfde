package io.auditflow.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for SQL {@code IN (...)} lists: at most {@link #MAX} values per statement, a size every
 * supported database takes (H2, PostgreSQL) with room to spare. Callers ask for the parts and run one
 * statement per part.
 */
public final class InLists {

    public static final int MAX = 500;

    private InLists() {
    }

    /** The values in consecutive parts of at most {@link #MAX}, in order; none for no values. */
    public static <T> List<List<T>> parts(List<T> values) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX) {
            parts.add(values.subList(from, Math.min(values.size(), from + MAX)));
        }
        return parts;
    }
}
