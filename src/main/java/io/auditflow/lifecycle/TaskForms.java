package io.auditflow.lifecycle;

import io.auditflow.common.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The completion forms of user tasks, by the task's Camunda form key ({@code auditflow:<name>}).
 * The inbox renders them generically and calls {@link #validate} before completing a task, so the
 * UI and the API check the same rules. Process models add their forms here.
 */
@Component
public class TaskForms {

    public static final String GENERIC = "auditflow:generic";

    private final Map<String, List<FormField>> forms = new HashMap<>();
    private final Clock clock;

    public TaskForms(Clock clock) {
        this.clock = clock;
        register(GENERIC, List.of(new FormField("comment", "Comment", FormField.Type.TEXT_AREA, false, List.of(), null)));
    }

    /** Adds or replaces a form; called by the lifecycle's own configuration. */
    public final void register(String formKey, List<FormField> fields) {
        forms.put(formKey, List.copyOf(fields));
    }

    /** The fields of the form, or the generic form when the key is unknown or missing. */
    public List<FormField> fieldsFor(String formKey) {
        return forms.getOrDefault(formKey == null ? GENERIC : formKey, forms.get(GENERIC));
    }

    /**
     * Checks raw input (as typed or sent as JSON) against the form and converts it to process
     * variables; throws {@link io.auditflow.common.ValidationException} with a message per field.
     */
    public Map<String, Object> validate(String formKey, Map<String, ?> raw) {
        Validation v = new Validation();
        Map<String, Object> out = new LinkedHashMap<>();
        for (FormField f : fieldsFor(formKey)) {
            Object value = raw == null ? null : raw.get(f.name());
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
                v.check(!f.required(), f.name(), f.label() + " is required");
                continue;
            }
            switch (f.type()) {
                case TEXT, TEXT_AREA -> out.put(f.name(), text);
                case DATE, PAST_DATE -> {
                    try {
                        LocalDate day = LocalDate.parse(text);
                        LocalDate today = LocalDate.now(clock);
                        v.check(f.type() != FormField.Type.PAST_DATE || !day.isAfter(today), f.name(),
                                f.label() + ": a day that has happened, not after today (" + today + ")");
                        out.put(f.name(), day.toString());
                    } catch (DateTimeParseException e) {
                        v.check(false, f.name(), "Use a date like 2026-03-31");
                    }
                }
                case INTEGER -> {
                    try {
                        out.put(f.name(), Long.parseLong(text));
                    } catch (NumberFormatException e) {
                        v.check(false, f.name(), "Use a whole number");
                    }
                }
                case CHOICE -> {
                    boolean known = f.choices().stream().anyMatch(c -> c.code().equals(text));
                    v.check(known, f.name(), "Choose one of " + f.choices().stream().map(FormField.Choice::code).toList());
                    out.put(f.name(), text);
                }
                case BOOLEAN -> out.put(f.name(), Boolean.parseBoolean(text));
            }
        }
        v.throwIfInvalid();
        return out;
    }
}
