package io.auditflow.inbox;

import io.auditflow.common.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How an inbox list is ordered: one whitelisted column and a direction. Written and read as
 * {@code due,asc} (the API's {@code sort} parameter and the remembered user preference).
 */
public record TaskSort(Field field, boolean ascending) {

    /** The columns a list may be sorted by, each with the SQL it orders by (never user text). */
    public enum Field {
        DUE("due_date"), TASK("lower(name)"), PROGRAM("lower(program_name)"), ASSIGNEE("assignee");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final TaskSort DEFAULT = new TaskSort(Field.DUE, true);

    public TaskSort {
        field = field == null ? Field.DUE : field;
    }

    /** {@code due,asc}, {@code task,desc}, {@code program}; blank is the default; anything else is a 400 on {@code sort}. */
    public static TaskSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String[] parts = value.trim().split(",", -1);
        String allowed = String.join(", ", Arrays.stream(Field.values()).map(Field::code).toList());
        if (parts.length > 2 || value.length() > 40) {
            throw new ValidationException("sort", "Sort by one column: sort=<" + allowed.replace(", ", "|") + ">,<asc|desc>");
        }
        Field field = Arrays.stream(Field.values()).filter(f -> f.code().equals(parts[0].trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new ValidationException("sort",
                        "Tasks can be sorted by " + allowed + "; not by '" + clip(parts[0]) + "'"));
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new ValidationException("sort", "The direction is asc or desc; not '" + clip(parts[1]) + "'");
        }
        return new TaskSort(field, direction.equals("asc"));
    }

    private static String clip(String s) {
        String t = s.trim().replaceAll("[^\\p{L}\\p{N} _.-]", "?");
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }

    /** The text form, {@code due,asc}. */
    public String code() {
        return field.code() + "," + (ascending ? "asc" : "desc");
    }

    /** ORDER BY clause: the column (empty values last), then due date and id so pages never overlap. */
    String orderBy() {
        String dir = ascending ? "asc" : "desc";
        String first = field.column() + " " + dir + " nulls last";
        return switch (field) {
            case DUE -> first + ", task_id " + dir;
            default -> first + ", due_date asc nulls last, task_id asc";
        };
    }
}
