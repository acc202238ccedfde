package io.auditflow.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stored text (an engagement's name) shown so that an ISO date in it never breaks at its hyphens:
 * browsers may end a line after any hyphen, and a title wrapped "… ending 2027-" / "10-31" at 1440 px
 * (walk of 2026-12-01). Each date goes into a span that does not wrap; the text itself, and what a
 * reader copies, stay as stored. German dates (31.10.2027) have no break point and need nothing.
 */
public final class WholeDates {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private WholeDates() {
    }

    /**
     * Adds {@code text} to {@code target}: plain text nodes (not {@code Text} components, whose visibility
     * cannot be asked), and every ISO date in a {@code white-space: nowrap} span.
     */
    public static void add(HasComponents target, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher date = ISO_DATE.matcher(text);
        int from = 0;
        while (date.find()) {
            if (date.start() > from) {
                target.getElement().appendChild(Element.createText(text.substring(from, date.start())));
            }
            Span whole = new Span(date.group());
            whole.addClassName("whole-date");
            whole.getStyle().set("white-space", "nowrap");
            target.add(whole);
            from = date.end();
        }
        if (from < text.length()) {
            target.getElement().appendChild(Element.createText(text.substring(from)));
        }
    }
}
