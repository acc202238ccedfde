package io.auditflow.security.ui;

import com.vaadin.flow.component.html.Anchor;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The sign-in page. A wrong user name or password gets one plain message, with no hint which. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Auditflow")
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n;

    /** sso: the reasons a provider's sign-in is refused, by the code in {@code ?sso=} (docs/sso.md); words in login.sso.*. */
    static final java.util.Set<String> SSO_REFUSALS = java.util.Set.of("no_role", "disabled", "local_account", "other_subject",
            "bad_username", "failed");

    private final Div ssoMessage = new Div();

    LoginView(AuditflowProperties properties, ObjectProvider<ClientRegistrationRepository> ssoProviders) {
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
        ssoMessage.addClassName("login-sso-refused");
        ssoMessage.getElement().setAttribute("role", "alert");
        ssoMessage.setVisible(false);
        Div card = new Div(brand, ssoMessage, login);
        card.addClassName("login-card");
        ClientRegistrationRepository registrations = ssoProviders.getIfAvailable();
        if (registrations instanceof Iterable<?> all) {
            Div sso = new Div();
            sso.addClassName("login-sso");
            for (Object o : all) {
                ClientRegistration r = (ClientRegistration) o;
                // A plain link, outside Vaadin's router: Spring Security starts the provider's sign-in.
                Anchor link = new Anchor("oauth2/authorization/" + r.getRegistrationId(), getTranslation("login.ssoButton", r.getClientName()));
                link.setRouterIgnore(true);
                link.addClassName("login-sso-button");
                link.setId("sso-" + r.getRegistrationId());
                sso.add(link);
            }
            card.addComponentAtIndex(2, sso);
        }
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
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled"));
            login.setI18n(i18n);
        }
        login.setError(parameters.containsKey("error") || parameters.containsKey("throttled"));
        if (parameters.containsKey("sso")) {
            String reason = parameters.get("sso").get(0);
            ssoMessage.setText(getTranslation("login.sso." + (SSO_REFUSALS.contains(reason) ? reason : "failed")));
            ssoMessage.setVisible(true);
        }
    }
}
