package io.auditflow.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.PasswordPolicy;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The password rules Passay checks, refused in the reader's language; every problem of the field is shown. */
@IntegrationTest
class PasswordWordsTest extends KaribuTest {

    @Autowired UserService users;
    @Autowired PasswordPolicy policy;

    private AccountView open(String username, Locale locale) {
        SystemAuthentication.run(() -> users.createUser(new UserForm(username, "Konto " + username, "",
                "account-page-pass-1", Set.of(Role.COMPLIANCE_MEMBER), Set.of())));
        login(username, Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("account");
        return _get(AccountView.class);
    }

    private static void change(AccountView view, String password) {
        view.currentPassword.setValue("account-page-pass-1");
        view.newPassword.setValue(password);
        view.repeatPassword.setValue(password);
        view.changePassword.click();
    }

    @Test
    void a_german_reader_reads_passays_refusals_in_german() {
        AccountView view = open("passwort-de", Locale.GERMAN);

        change(view, "1qaz2wsx3edc");
        assertThat(view.newPassword.getErrorMessage())
                .isEqualTo("Dieses Passwort steht auf einer Liste gängiger Passwörter; wählen Sie ein anderes");

        change(view, "passwort-de-und-mehr");
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("Verwenden Sie Ihren Benutzernamen nicht im Passwort");

        change(view, "kurz");
        assertThat(view.newPassword.getErrorMessage())
                .isEqualTo("Verwenden Sie mindestens 12 Zeichen; einige Wörter hintereinander ergeben ein gutes Passwort");
    }

    @Test
    void an_english_reader_reads_the_same_refusals_as_before() {
        AccountView view = open("password-en", Locale.ENGLISH);

        change(view, "1qaz2wsx3edc");
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("This password is on a list of common passwords; choose another");

        change(view, "password-en-and-more");
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("Do not use your user name in the password");
    }

    @Test
    void the_policy_gives_the_english_text_and_the_key_of_each_problem() {
        assertThat(policy.problems("someone", "short")).containsExactly(
                "Use at least 12 characters; a few words in a row make a good password");
        assertThat(policy.reasons("someone", "short")).singleElement()
                .satisfies(p -> assertThat(p.in(Locale.GERMAN))
                        .isEqualTo("Verwenden Sie mindestens 12 Zeichen; einige Wörter hintereinander ergeben ein gutes Passwort"));
    }
}
