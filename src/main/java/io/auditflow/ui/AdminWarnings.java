package io.auditflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import io.auditflow.common.BaseUrlCheck;
import java.util.Optional;

/** Warnings an admin must see on the admin pages: links in mails and feeds pointing at localhost in production. */
public final class AdminWarnings {

    private AdminWarnings() {
    }

    public static Optional<Component> baseUrl(BaseUrlCheck check) {
        return check.localBaseUrlInProduction().map(url -> {
            Div warning = new Div(new Icon(VaadinIcon.WARNING), new Span(Format.text("admin.baseUrlWarning", url)));
            warning.setId("base-url-warning");
            warning.addClassName("admin-warning");
            warning.getElement().setAttribute("role", "alert");
            return warning;
        });
    }
}
