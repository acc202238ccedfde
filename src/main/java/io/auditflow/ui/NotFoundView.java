package io.auditflow.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A friendly page for addresses that do not exist; a page the role may not open reads the same
 * ({@link AccessDeniedView}) so a guessed address reveals nothing.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Auditflow")
@PermitAll
public class NotFoundView extends NotHerePage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
