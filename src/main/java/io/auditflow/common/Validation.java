package io.auditflow.common;

import java.util.ArrayList;
import java.util.List;

/** Collects broken rules and throws them together, so a user sees every problem at once. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** The same with the message as a bundle key and arguments, so views can word it for their reader. */
    public Validation check(boolean ok, String field, Phrase phrase) {
        if (!ok) {
            errors.add(new FieldError(field, phrase));
        }
        return this;
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
