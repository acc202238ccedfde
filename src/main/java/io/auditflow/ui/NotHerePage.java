package io.auditflow.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The text of the not-found and not-allowed pages, which read alike on purpose. */
abstract class NotHerePage extends Div {

    NotHerePage() {
        addClassName("error-view");
        add(new H2("This page is not here"),
                new Paragraph("The address does not exist, or your role does not open it. "
                        + "If you followed a link, the item may have been removed or archived."),
                new Anchor("", "Back to your start page"));
    }
}
