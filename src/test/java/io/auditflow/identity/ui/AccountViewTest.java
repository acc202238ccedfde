package io.auditflow.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The account page: password change with errors next to the field, tokens shown once. */
@IntegrationTest
class AccountViewTest extends KaribuTest {

    @Autowired
    UserService users;

    private AccountView open(String username) {
        SystemAuthentication.run(() -> users.createUser(new UserForm(username, "Account " + username, "",
                "account-page-pass-1", Set.of(Role.COMPLIANCE_MEMBER), Set.of())));
        login(username, Role.COMPLIANCE_MEMBER);
        UI.getCurrent().navigate("account");
        return _get(AccountView.class);
    }

    @Test
    void a_wrong_current_password_and_a_common_new_one_are_shown_next_to_their_fields() {
        AccountView view = open("account-amy");
        view.currentPassword.setValue("not-my-password");
        view.newPassword.setValue("password");
        view.repeatPassword.setValue("password");
        view.changePassword.click();
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("This is not your current password");
        assertThat(view.newPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getErrorMessage()).contains("at least 12");
    }

    @Test
    void a_new_token_is_shown_once_and_listed_by_name() {
        AccountView view = open("account-ben");
        view.tokenName.setValue("nightly export");
        view.createToken.click();
        assertThat(view.newToken.isVisible()).isTrue();
        assertThat(view.newToken.getValue()).startsWith("af_");
        assertThat(view.tokens.getGenericDataView().getItems().map(t -> t.name()).toList())
                .containsExactly("nightly export");
    }

    @Test
    void a_token_without_a_name_is_refused_next_to_the_field() {
        AccountView view = open("account-cid");
        view.createToken.click();
        assertThat(view.tokenName.isInvalid()).isTrue();
        assertThat(view.newToken.isVisible()).isFalse();
    }
}
