package io.auditflow.reminder.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.reminder.Delivery;
import io.auditflow.reminder.NotificationCategory;
import io.auditflow.reminder.NotificationPreferences;
import io.auditflow.reminder.ReminderSettingsService;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ReminderViewsTest extends KaribuTest {

    @Autowired
    NotificationPreferences preferences;
    @Autowired
    ReminderSettingsService settings;
    @Autowired
    ProgramService programs;

    @Test
    void a_member_moves_task_reminders_to_the_digest_but_escalations_stay_fixed() {
        login("auditor", Role.AUDITOR);
        UI.getCurrent().navigate("preferences/notifications");
        NotificationPreferencesView view = _get(NotificationPreferencesView.class);
        var escalation = view.choices.get(NotificationCategory.ESCALATION);
        assertThat(escalation.isReadOnly()).isTrue();
        assertThat(escalation.getValue()).isEqualTo(Delivery.IMMEDIATE);
        assertThat(escalation.getHelperText()).contains("cannot be switched off");

        view.choices.get(NotificationCategory.TASK_REMINDER).setValue(Delivery.DIGEST);
        view.choices.get(NotificationCategory.AUDIT_REMINDER).setValue(Delivery.OFF);
        view.save.click();

        assertThat(preferences.deliveryFor("auditor", NotificationCategory.TASK_REMINDER)).isEqualTo(Delivery.DIGEST);
        assertThat(preferences.deliveryFor("auditor", NotificationCategory.AUDIT_REMINDER)).isEqualTo(Delivery.OFF);
        assertThat(preferences.deliveryFor("auditor", NotificationCategory.ESCALATION)).isEqualTo(Delivery.IMMEDIATE);
    }

    @Test
    void a_manager_sets_a_programs_reminder_days_and_bad_input_is_named_by_the_field() {
        Program program = SystemAuthentication.call(() -> programs.list(false).get(0));
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("reminders/settings");
        ReminderSettingsView view = _get(ReminderSettingsView.class);
        view.program.setValue(program);

        view.milestones.setValue("60, soon");
        view.escalation.setValue("5, 2, 9");
        view.save.click();
        assertThat(view.milestones.isInvalid()).isTrue();
        assertThat(view.milestones.getErrorMessage()).contains("'soon' is not a number of days");
        assertThat(view.escalation.getErrorMessage()).contains("later than the one before");
        assertThat(settings.effective(program.id()).overridden()).isFalse();

        view.milestones.setValue("63, 35, 14, 7");
        view.escalation.setValue("2, 4, 10");
        view.save.click();
        assertThat(view.milestones.isInvalid()).isFalse();
        var saved = settings.effective(program.id());
        assertThat(saved.milestones()).containsExactly(63, 35, 14, 7);
        assertThat(saved.tasks()).isEqualTo(settings.defaults().tasks());
        assertThat(saved.escalation()).isEqualTo(List.of(2, 4, 10));

        view.reset.click();
        assertThat(settings.effective(program.id()).overridden()).isFalse();
    }
}
