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
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The sign-in page. A wrong user name or password gets one plain message, with no hint which. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Auditflow")
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver {

    static final String THROTTLED_MESSAGE = "Too many failed sign-ins. Wait a few minutes, then try again.";

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n;

    /** sso: why the provider's sign-in was refused, by the reason code in {@code ?sso=} (docs/sso.md). */
    static final Map<String, String> SSO_REFUSALS = Map.of(
            "no_role", "Your account at the company's sign-in has no Auditflow role. Ask your Auditflow "
                    + "administrator to add you to one of the groups that give access.",
            "disabled", "Your Auditflow account is disabled. Ask your Auditflow administrator.",
            "local_account", "An Auditflow account with your user name exists that is not managed by the company's "
                    + "sign-in. Ask your Auditflow administrator.",
            "other_subject", "Your user name belongs to another person at the company's sign-in. Ask your Auditflow "
                    + "administrator.",
            "bad_username", "The company's sign-in sent no user name Auditflow can use. Ask your administrator.",
            "failed", "Signing in with the company's sign-in did not work. Try again; if it keeps failing, ask your "
                    + "administrator.");

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
                Anchor link = new Anchor("oauth2/authorization/" + r.getRegistrationId(), "Sign in with " + r.getClientName());
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
            i18n.getErrorMessage().setTitle("Please wait");
            i18n.getErrorMessage().setMessage(THROTTLED_MESSAGE);
            login.setI18n(i18n);
        }
        login.setError(parameters.containsKey("error") || parameters.containsKey("throttled"));
        if (parameters.containsKey("sso")) {
            String reason = parameters.get("sso").get(0);
            ssoMessage.setText(SSO_REFUSALS.getOrDefault(reason, SSO_REFUSALS.get("failed")));
            ssoMessage.setVisible(true);
        }
    }
}
