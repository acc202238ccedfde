package io.auditflow.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The text of the not-found and not-allowed pages, which read alike on purpose. */
abstract class NotHerePage extends Div {

    NotHerePage() {
        addClassName("error-view");
        add(new H2(Format.text("notHere.heading")), new Paragraph(Format.text("notHere.text")),
                new Anchor("", Format.text("errorPage.back")));
    }
}
