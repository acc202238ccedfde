package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.inbox.InboxService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every service that takes a name or free text refuses control and bidi characters (issue 10, finding 10). */
@IntegrationTest
class InputHygieneTest {

    @Autowired ProgramService programs;
    @Autowired UserService users;
    @Autowired InboxService inbox;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;

    @Test
    void a_program_name_with_cr_lf_and_a_bcc_header_is_refused_with_a_message_next_to_the_name() {
        assertThatThrownBy(() -> SystemAuthentication.call(() -> programs.create(new ProgramRequest(
                "Hygiene\r\nBcc: victim@example.com", Framework.SOC2_TYPE2, EnumSet.of(TrustCategory.SECURITY),
                null, null, "manager", "grc"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor("name")).contains("control character"));
    }

    @Test
    void a_program_scope_with_a_right_to_left_override_is_refused() {
        assertThatThrownBy(() -> SystemAuthentication.call(() -> programs.create(new ProgramRequest(
                "Hygiene scope " + System.nanoTime(), Framework.ISO27001, EnumSet.noneOf(TrustCategory.class),
                "All systems \u202Etpecxe\u202C", "2022", "manager", "grc"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor("scope")).contains("reading direction"));
    }

    @Test
    void a_program_name_is_stored_in_nfc() {
        Program p = SystemAuthentication.call(() -> programs.create(new ProgramRequest(
                "Cafe\u0301 hygiene " + System.nanoTime(), Framework.ISO27001, EnumSet.noneOf(TrustCategory.class),
                null, "2022", "manager", "grc")));
        assertThat(p.name()).startsWith("Caf\u00e9 hygiene");
    }

    @Test
    void team_names_and_person_names_refuse_bidi_and_control_characters() {
        assertThatThrownBy(() -> SystemAuthentication.call(() -> users.saveTeam("hygiene-team", "Ops\u202E", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageFor("name")).isNotNull());
        UserForm form = new UserForm();
        form.setUsername("hygiene-user");
        form.setDisplayName("Mallory\u0000");
        form.setPassword("a-long-enough-password-1");
        form.setRoles(Set.of(Role.COMPLIANCE_MEMBER));
        assertThatThrownBy(() -> SystemAuthentication.call(() -> users.createUser(form)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor("displayName")).contains("U+0000"));
    }

    @Test
    void comments_keep_line_breaks_but_refuse_escape_sequences_and_bidi_overrides() {
        Program program = fixture.program("Hygiene comments", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        var ok = InboxFixture.as("member", Role.COMPLIANCE_MEMBER, () -> inbox.comment(task.getId(), "First line\r\nSecond line"));
        assertThat(ok.message()).isEqualTo("First line\nSecond line");
        assertThatThrownBy(() -> InboxFixture.as("member", Role.COMPLIANCE_MEMBER,
                () -> inbox.comment(task.getId(), "looks fine \u2067hidden\u2069")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageFor("comment")).isNotNull());
    }
}
