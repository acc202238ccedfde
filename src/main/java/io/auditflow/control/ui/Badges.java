package io.auditflow.control.ui;

import com.vaadin.flow.component.html.Span;

/** Lumo badges used by the control screens. */
final class Badges {

    private Badges() {
    }

    static Span of(String text, String variant) {
        Span s = new Span(text);
        s.getElement().getThemeList().add(variant == null ? "badge" : "badge " + variant);
        return s;
    }

    static String frequency(int months) {
        return switch (months) {
            case 1, 3, 6, 12 -> io.auditflow.ui.Format.text("control.frequency." + months);
            default -> io.auditflow.ui.Format.text("control.frequency.every", months);
        };
    }
}
