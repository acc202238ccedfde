package io.auditflow.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.auditflow.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The root address: sends each user on to their role's start page. */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(StartPage.forRoles(CurrentUser.roles()));
    }
}
