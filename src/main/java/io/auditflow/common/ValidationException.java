package io.auditflow.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Raised by services when input breaks a business rule. Carries one message per field so that the
 * UI can show it next to the field and the API can return it in the error body.
 */
public class ValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationException(String field, Phrase phrase) {
        this(List.of(new FieldError(field, phrase)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The message for one field, or null when that field is fine. */
    public String messageFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }

    /** The first error of one field, or null when that field is fine (views word it with ui.Format.error). */
    public FieldError errorFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }
}
