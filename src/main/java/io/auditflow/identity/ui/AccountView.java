package io.auditflow.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.PasswordPolicy;
import io.auditflow.identity.UserService;
import io.auditflow.security.ApiTokenService;
import io.auditflow.security.ApiTokenSummary;
import io.auditflow.security.CreatedApiToken;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.SecondFactor;
import io.auditflow.security.SecuritySettings;
import io.auditflow.security.UserSessions;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import io.auditflow.identity.UserLanguage;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasDynamicTitle;
import io.auditflow.common.Messages;
import java.util.Locale;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.security.core.session.SessionInformation;

/**
 * The signed-in person's own account: change the password, the TOTP second factor, personal API
 * tokens (shown once), and their browser sessions with "sign out everywhere".
 */
@Route("account")
@Menu(order = 95, icon = "vaadin:user", title = "My account")
@PermitAll
class AccountView extends VerticalLayout implements HasDynamicTitle {

    final Select<Locale> language = new Select<>();

    final PasswordField currentPassword = new PasswordField(Format.text("account.password.current"));
    final PasswordField newPassword = new PasswordField(Format.text("account.password.new"));
    final PasswordField repeatPassword = new PasswordField(Format.text("account.password.repeat"));
    final Button changePassword = new Button(Format.text("account.password.change"));

    final TextField tokenName = new TextField(Format.text("account.tokens.name"));
    final DatePicker tokenExpires = new DatePicker(Format.text("account.tokens.expires"));
    final Button createToken = new Button(Format.text("account.tokens.create"));
    final TextField newToken = new TextField(Format.text("account.tokens.new"));
    final Grid<ApiTokenSummary> tokens = new Grid<>();

    final Paragraph secondFactorState = new Paragraph();
    final Button setUpSecondFactor = new Button(Format.text("account.mfa.setUp"));
    final Image qrCode = new Image();
    final TextField secretText = new TextField(Format.text("account.mfa.secret"));
    final TextField firstCode = new TextField(Format.text("account.mfa.code"));
    final Button confirmSecondFactor = new Button(Format.text("account.mfa.turnOn"));
    final PasswordField passwordToDisable = new PasswordField(Format.text("account.password.current"));
    final Button disableSecondFactor = new Button(Format.text("account.mfa.turnOff"));
    private final Div enrolment = new Div();
    private final Div disabling = new Div();
    private String pendingSecret;

    final Grid<SessionInformation> sessions = new Grid<>();
    final Button signOutEverywhere = new Button(Format.text("account.sessions.signOutEverywhere"));

    private final UserService users;
    private final ApiTokenService apiTokens;
    private final UserSessions userSessions;
    private final AuthenticationContext authentication;
    private final ZoneId zone;
    private final SecondFactor secondFactor;
    private final SecuritySettings settings;
    private final UserLanguage userLanguage;

    AccountView(UserService users, ApiTokenService apiTokens, UserSessions userSessions,
                AuthenticationContext authentication, AuditflowProperties properties, SecondFactor secondFactor,
                SecuritySettings settings, UserLanguage userLanguage) {
        this.secondFactor = secondFactor;
        this.settings = settings;
        this.users = users;
        this.apiTokens = apiTokens;
        this.userSessions = userSessions;
        this.authentication = authentication;
        this.zone = properties.zone();
        addClassName("account-view");
        setMaxWidth("60rem");
        this.userLanguage = userLanguage;
        add(languageSection(), passwordSection(), secondFactorSection(), tokenSection(), sessionSection());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return Format.text("title.AccountView");
    }

    /** The person's language; dates follow it. The page reloads so every text and picker changes at once. */
    private Div languageSection() {
        language.setId("language");
        language.setLabel(Format.text("account.language"));
        language.setItems(Messages.LANGUAGES);
        language.setItemLabelGenerator(l -> Format.text("language." + l.getLanguage()));
        language.setValue(Format.locale());
        language.setHelperText(Format.text("account.language.help"));
        language.setWidth("20em"); // the whole label, not "Language and date for…"
        language.setMaxWidth("100%");
        language.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            userLanguage.set(CurrentUser.require(), e.getValue());
            UI ui = UI.getCurrent();
            ui.getSession().setLocale(e.getValue());
            ui.setLocale(e.getValue());
            ui.getPage().reload();
        });
        Div section = new Div(new H3(Format.text("account.language.heading")), language);
        section.addClassName("account-section");
        section.setWidthFull();
        return section;
    }

    private Div passwordSection() {
        currentPassword.setId("current-password");
        newPassword.setId("new-password");
        repeatPassword.setId("repeat-password");
        newPassword.setHelperText(Format.text("account.password.help", String.valueOf(PasswordPolicy.MIN_LENGTH),
                String.valueOf(PasswordPolicy.MAX_LENGTH)));
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        for (PasswordField field : new PasswordField[] {currentPassword, newPassword, repeatPassword}) {
            field.setWidthFull();
        }
        changePassword.setId("change-password");
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.addClickListener(e -> changePassword());
        Div section = new Div(new H3(Format.text("account.password")), currentPassword, newPassword, repeatPassword, changePassword);
        section.addClassName("account-section");
        section.setWidthFull();
        return section;
    }

    private Div secondFactorSection() {
        secondFactorState.setId("second-factor-state");
        setUpSecondFactor.setId("set-up-second-factor");
        setUpSecondFactor.addClickListener(e -> {
            pendingSecret = secondFactor.newSecret();
            qrCode.setSrc(secondFactor.qrCode(pendingSecret, CurrentUser.require()));
            secretText.setValue(pendingSecret);
            enrolment.setVisible(true);
            setUpSecondFactor.setVisible(false);
        });
        qrCode.setAlt(Format.text("account.mfa.qrAlt"));
        qrCode.setWidth("200px");
        secretText.setReadOnly(true);
        secretText.setWidthFull();
        firstCode.setId("first-code");
        firstCode.setMaxLength(6);
        confirmSecondFactor.setId("confirm-second-factor");
        confirmSecondFactor.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmSecondFactor.addClickListener(e -> {
            try {
                users.enableOwnSecondFactor(pendingSecret, firstCode.getValue());
                Notifications.success(Format.text("account.mfa.on"));
                authentication.logout();
            } catch (ValidationException ex) {
                firstCode.setErrorMessage(Format.service(ex.messageFor("code")));
                firstCode.setInvalid(true);
            }
        });
        enrolment.add(new Paragraph(Format.text("account.mfa.scan")), qrCode, secretText, firstCode, confirmSecondFactor);
        enrolment.setVisible(false);
        passwordToDisable.setId("password-to-disable");
        disableSecondFactor.setId("disable-second-factor");
        disableSecondFactor.addClickListener(e -> {
            try {
                users.disableOwnSecondFactor(passwordToDisable.getValue());
                Notifications.success(Format.text("account.mfa.off"));
                passwordToDisable.clear();
                refreshSecondFactor();
            } catch (ValidationException ex) {
                show(passwordToDisable, Format.errorsFor(ex, "currentPassword"));
            }
        });
        disabling.add(passwordToDisable, disableSecondFactor);
        Div section = new Div(new H3(Format.text("account.mfa")), secondFactorState, setUpSecondFactor, enrolment, disabling);
        section.addClassName("account-section");
        section.setWidthFull();
        refreshSecondFactor();
        return section;
    }

    private void refreshSecondFactor() {
        boolean on = users.hasSecondFactor(CurrentUser.require());
        boolean required = !on && CurrentUser.hasRole(io.auditflow.security.Role.ADMIN)
                && settings.secondFactorRequiredForAdmins();
        secondFactorState.setText(Format.text(on ? "account.mfa.stateOn" : required ? "account.mfa.stateRequired" : "account.mfa.stateOff"));
        setUpSecondFactor.setVisible(!on);
        disabling.setVisible(on);
        enrolment.setVisible(false);
    }

    private Div tokenSection() {
        tokenName.setId("token-name");
        tokenName.setMaxLength(100);
        tokenName.setPlaceholder(Format.text("account.tokens.namePlaceholder"));
        tokenExpires.setId("token-expires");
        Format.pickers(tokenExpires);
        createToken.setId("create-token");
        createToken.addClickListener(e -> createToken());
        newToken.setId("new-token");
        newToken.setReadOnly(true);
        newToken.setWidthFull();
        newToken.setVisible(false);
        newToken.setHelperText(Format.text("account.tokens.newHelp"));
        HorizontalLayout form = new HorizontalLayout(tokenName, tokenExpires, createToken);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        tokens.setId("tokens");
        tokens.addColumn(ApiTokenSummary::name).setHeader(Format.text("account.tokens.column.name")).setAutoWidth(true);
        tokens.addColumn(t -> when(t.createdAt())).setHeader(Format.text("account.tokens.column.created")).setAutoWidth(true).setKey("created");
        tokens.addColumn(t -> t.lastUsedAt() == null ? Format.text("account.tokens.never") : when(t.lastUsedAt())).setHeader(Format.text("account.tokens.column.lastUsed"))
                .setAutoWidth(true);
        tokens.addColumn(t -> t.expiresAt() == null ? Format.text("account.tokens.noExpiry") : when(t.expiresAt())).setHeader(Format.text("account.tokens.column.expires"))
                .setAutoWidth(true);
        tokens.addComponentColumn(t -> {
            Button revoke = new Button(Format.text("account.tokens.revoke"), e -> {
                apiTokens.revoke(t.id());
                Notifications.success(Format.text("account.tokens.revoked", t.name()));
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setHeader("").setAutoWidth(true);
        tokens.setAllRowsVisible(true);
        tokens.addThemeVariants(GridVariant.LUMO_COMPACT);
        Div section = new Div(new H3(Format.text("account.tokens")),
                new Paragraph(Format.text("account.tokens.about")),
                form, newToken, tokens);
        section.addClassName("account-section");
        section.setWidthFull();
        return section;
    }

    private Div sessionSection() {
        sessions.setId("sessions");
        String current = currentSessionId();
        sessions.addColumn(s -> s.getSessionId().equals(current) ? Format.text("account.sessions.this") : Format.text("account.sessions.other"))
                .setHeader(Format.text("account.sessions.column.session")).setAutoWidth(true);
        sessions.addColumn(s -> when(s.getLastRequest())).setHeader(Format.text("account.sessions.column.lastActive")).setAutoWidth(true);
        sessions.setAllRowsVisible(true);
        sessions.addThemeVariants(GridVariant.LUMO_COMPACT);
        signOutEverywhere.setId("sign-out-everywhere");
        signOutEverywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        signOutEverywhere.addClickListener(e -> {
            userSessions.expireAll(CurrentUser.require());
            authentication.logout();
        });
        Div section = new Div(new H3(Format.text("account.sessions")), sessions, signOutEverywhere);
        section.addClassName("account-section");
        section.setWidthFull();
        return section;
    }

    private void changePassword() {
        for (PasswordField field : new PasswordField[] {currentPassword, newPassword, repeatPassword}) {
            field.setInvalid(false);
        }
        if (!newPassword.getValue().equals(repeatPassword.getValue())) {
            repeatPassword.setErrorMessage(Format.text("account.password.differ"));
            repeatPassword.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(currentPassword.getValue(), newPassword.getValue(), currentSessionId());
            currentPassword.clear();
            newPassword.clear();
            repeatPassword.clear();
            Notifications.success(Format.text("account.password.changed"));
            refresh();
        } catch (ValidationException ex) {
            show(currentPassword, Format.errorsFor(ex, "currentPassword"));
            show(newPassword, Format.errorsFor(ex, "newPassword"));
        }
    }

    private void createToken() {
        tokenName.setInvalid(false);
        tokenExpires.setInvalid(false);
        try {
            CreatedApiToken created = apiTokens.create(tokenName.getValue(), tokenExpires.getValue());
            newToken.setValue(created.token());
            newToken.setVisible(true);
            tokenName.clear();
            tokenExpires.clear();
            refresh();
        } catch (ValidationException ex) {
            if (ex.messageFor("name") != null) {
                tokenName.setErrorMessage(Format.service(ex.messageFor("name")));
                tokenName.setInvalid(true);
            }
            if (ex.messageFor("expiresOn") != null) {
                tokenExpires.setErrorMessage(Format.service(ex.messageFor("expiresOn")));
                tokenExpires.setInvalid(true);
            }
        }
    }

    private void refresh() {
        tokens.setItems(apiTokens.mine());
        sessions.setItems(userSessions.sessionsOf(CurrentUser.require()));
    }

    /** Shows a message already worded for the reader (ui.Format.errorsFor). */
    private static void show(PasswordField field, String message) {
        if (message != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    private static String currentSessionId() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null : session.getSession().getId();
    }

    private String when(Instant instant) {
        return Format.dateTime(instant);
    }

    private String when(Date date) {
        return when(date.toInstant());
    }
}
