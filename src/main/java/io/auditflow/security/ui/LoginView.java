package io.auditflow.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.auditflow.common.AuditflowProperties;

/** The sign-in page. A wrong user name or password gets one plain message, with no hint which. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Auditflow")
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver {

    static final String THROTTLED_MESSAGE = "Too many failed sign-ins. Wait a few minutes, then try again.";

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n;

    LoginView(AuditflowProperties properties) {
        addClassName("login-view");
        setSizeFull();
        i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.failed"));
        i18n.getErrorMessage().setMessage(getTranslation("login.failed.message"));
        login.setI18n(i18n);
        login.setAction("login");

        login.setForgotPasswordButtonVisible(false);

        Div brand = new Div(new H1("Auditflow"), new Paragraph(getTranslation("login.tagline")));
        brand.addClassName("login-brand");
        Div card = new Div(brand, login);
        card.addClassName("login-card");
        if (properties.demo().enabled()) {
            Paragraph demo = new Paragraph(getTranslation("login.demo"));
            demo.addClassName("login-demo-hint");
            card.add(demo);
        }
        Paragraph secondFactor = new Paragraph(getTranslation("login.secondFactor"));
        secondFactor.addClassName("login-demo-hint");
        card.add(secondFactor);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            // Set by the sign-in throttle (security.SignInThrottleFilter) before any password was checked.
            i18n.getErrorMessage().setTitle("Please wait");
            i18n.getErrorMessage().setMessage(THROTTLED_MESSAGE);
            login.setI18n(i18n);
        }
        login.setError(parameters.containsKey("error") || parameters.containsKey("throttled"));
    }
}
