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
        i18n.getForm().setTitle("Sign in to Auditflow");
        i18n.getForm().setUsername("User name");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage("The user name or password is not right, the one-time code is wrong, or the account is disabled.");
        login.setI18n(i18n);
        login.setAction("login");

        login.setForgotPasswordButtonVisible(false);

        Div brand = new Div(new H1("Auditflow"), new Paragraph("SOC 2 and ISO 27001 audits, on schedule."));
        brand.addClassName("login-brand");
        Div card = new Div(brand, login);
        card.addClassName("login-card");
        if (properties.demo().enabled()) {
            Paragraph demo = new Paragraph("Demo users: admin, manager, member, executive, auditor — password demo");
            demo.addClassName("login-demo-hint");
            card.add(demo);
        }
        Paragraph secondFactor = new Paragraph("With a second factor: type your password, then the 6-digit code "
                + "from your app, in the password field.");
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
