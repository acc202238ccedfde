package io.auditflow.ui;

import com.vaadin.flow.component.HasValidation;
import io.auditflow.common.ValidationException;
import java.util.Map;

/** Puts a service's validation messages next to the fields they concern. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Clears old messages, then shows each field's message; returns the messages no field took. */
    public static String show(ValidationException e, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        StringBuilder rest = new StringBuilder();
        for (var error : e.errors()) {
            HasValidation field = fields.get(error.field());
            String message = Format.error(error);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                rest.append(rest.isEmpty() ? "" : " ").append(message);
            }
        }
        return rest.toString();
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }
}
