package io.auditflow.identity;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.common.ValidationException;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class UserAdminTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    SessionRegistry sessions;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    IdentityService camundaIdentity;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_creates_a_user_with_roles_and_teams_who_then_exists_in_camunda_too() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _get(TextField.class, spec -> spec.withId("user-username")).setValue("nora");
        _get(TextField.class, spec -> spec.withId("user-display-name")).setValue("Nora New");
        _get(EmailField.class, spec -> spec.withId("user-email")).setValue("nora@example.com");
        _get(PasswordField.class, spec -> spec.withId("user-password")).setValue("long-enough-1");
        _get(CheckboxGroup.class, spec -> spec.withId("user-roles")).setValue(Set.of(Role.COMPLIANCE_MEMBER));
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        UserSummary nora = users.getUser("nora");
        assertThat(nora.roles()).containsExactly(Role.COMPLIANCE_MEMBER);
        assertThat(encoder.matches("long-enough-1", userDetails.loadUserByUsername("nora").getPassword())).isTrue();
        assertThat(camundaIdentity.createUserQuery().userId("nora").count()).isEqualTo(1);
    }

    @Test
    void bad_user_input_gets_messages_by_the_fields() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _get(TextField.class, spec -> spec.withId("user-username")).setValue("member");
        _get(PasswordField.class, spec -> spec.withId("user-password")).setValue("short");
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        assertThat(_get(TextField.class, spec -> spec.withId("user-username")).getErrorMessage()).contains("already exists");
        assertThat(_get(PasswordField.class, spec -> spec.withId("user-password")).getErrorMessage()).contains("at least 12");
        assertThat(_get(TextField.class, spec -> spec.withId("user-display-name")).isInvalid()).isTrue();
        assertThat(_get(CheckboxGroup.class, spec -> spec.withId("user-roles")).isInvalid()).isTrue();
    }

    @Test
    void disabling_a_user_ends_their_sessions_and_stops_sign_in() {
        SystemAuthentication.run(() -> users.createUser(new UserForm("dana", "Dana Doe", "", "long-enough-2",
                Set.of(Role.COMPLIANCE_MEMBER), Set.of("grc"))));
        User principal = (User) userDetails.loadUserByUsername("dana");
        sessions.registerNewSession("session-of-dana", principal);

        SystemAuthentication.run(() -> users.setEnabled("dana", false));

        SessionInformation info = sessions.getSessionInformation("session-of-dana");
        assertThat(info.isExpired()).isTrue();
        assertThat(userDetails.loadUserByUsername("dana").isEnabled()).isFalse();
    }

    @Test
    void a_password_reset_takes_effect_and_short_passwords_are_refused() {
        SystemAuthentication.run(() -> users.createUser(new UserForm("rick", "Rick Reset", "", "first-password",
                Set.of(Role.AUDITOR), Set.of())));
        assertThatThrownBy(() -> SystemAuthentication.run(() -> users.resetPassword("rick", "short")))
                .isInstanceOf(ValidationException.class);
        SystemAuthentication.run(() -> users.resetPassword("rick", "second-password"));
        assertThat(encoder.matches("second-password", userDetails.loadUserByUsername("rick").getPassword())).isTrue();
    }

    @Test
    void user_names_with_dots_and_team_codes_with_dashes_work_in_camunda_too() {
        SystemAuthentication.run(() -> {
            users.saveTeam("risk-team", "Risk Team", null);
            users.createUser(new UserForm("jane.doe_2", "Jane Doe", "", "long-enough-3",
                    Set.of(Role.COMPLIANCE_MEMBER), Set.of("risk-team")));
        });
        assertThat(camundaIdentity.createGroupQuery().groupId("risk-team").count()).isEqualTo(1);
        assertThat(camundaIdentity.createGroupQuery().groupMember("jane.doe_2").singleResult().getId())
                .isEqualTo("risk-team");
    }

    @Test
    void only_admins_may_change_users() {
        login("manager", Role.COMPLIANCE_MANAGER);
        assertThatThrownBy(() -> users.setEnabled("member", false)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.getUser("member").enabled()).isTrue();
    }
}
