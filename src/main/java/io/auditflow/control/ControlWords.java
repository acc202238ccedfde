package io.auditflow.control;

import io.auditflow.common.Messages;
import java.util.Locale;

/**
 * A control's name in the reader's language: the activity library's controls have theirs in the bundle
 * ({@code control.name.<CODE>}), used while the stored name is still the library's English one; a control
 * the organisation named or renamed keeps its own name (decision 0168).
 */
public final class ControlWords {

    private ControlWords() {
    }

    public static String name(String code, String stored, Locale locale) {
        return Messages.data("control.name." + code, stored, locale);
    }

    public static String name(Control control, Locale locale) {
        return name(control.code(), control.name(), locale);
    }
}
