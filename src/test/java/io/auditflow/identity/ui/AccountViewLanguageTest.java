package io.auditflow.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** My account in German: the second factor, tokens and refusals read German, a token's day is German. */
@IntegrationTest
class AccountViewLanguageTest extends KaribuTest {

    @Autowired UserService users;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private AccountView open(String username, Locale locale) {
        SystemAuthentication.run(() -> users.createUser(new UserForm(username, "Konto " + username, "",
                "account-page-pass-1", Set.of(Role.COMPLIANCE_MEMBER), Set.of())));
        login(username, Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("account");
        return _get(AccountView.class);
    }

    @Test
    void a_german_member_is_refused_in_german_and_sees_a_new_token_with_a_german_day() {
        clock.set(Instant.parse("2026-12-24T08:00:00Z"));
        AccountView view = open("konto-anna", Locale.GERMAN);
        assertThat(view.setUpSecondFactor.getText()).isEqualTo("Zweiten Faktor einrichten");
        assertThat(view.secondFactorState.getText()).startsWith("Ausgeschaltet.");

        view.currentPassword.setValue("nicht-mein-passwort");
        view.newPassword.setValue("neues-langes-passwort-1");
        view.repeatPassword.setValue("anderes-passwort");
        view.changePassword.click();
        assertThat(view.repeatPassword.getErrorMessage()).isEqualTo("Die beiden neuen Passwörter stimmen nicht überein");
        view.repeatPassword.setValue("neues-langes-passwort-1");
        view.changePassword.click();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("Das ist nicht Ihr aktuelles Passwort");

        view.createToken.click();
        assertThat(view.tokenName.getErrorMessage()).isEqualTo("Geben Sie dem Token einen Namen, z. B. das Skript, das es verwendet");
        view.tokenName.setValue("nächtlicher Export");
        view.createToken.click();
        assertThat(view.newToken.getLabel()).isEqualTo("Ihr neues Token");
        assertThat(GridKt._getFormatted(view.tokens, 0, "created")).startsWith("24.12.2026 ");
    }

    @Test
    void the_same_page_in_english_reads_as_before() {
        AccountView view = open("konto-english-ben", Locale.ENGLISH);
        assertThat(view.setUpSecondFactor.getText()).isEqualTo("Set up a second factor");
        view.currentPassword.setValue("not-mine-at-all");
        view.newPassword.setValue("another-long-password-1");
        view.repeatPassword.setValue("another-long-password-1");
        view.changePassword.click();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("This is not your current password");
    }
}
