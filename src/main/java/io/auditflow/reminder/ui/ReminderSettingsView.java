package io.auditflow.reminder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ValidationException;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.reminder.Offsets;
import io.auditflow.reminder.ReminderSettingsService;
import io.auditflow.security.Roles;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;

/** Managers set a program's own reminder days; empty fields keep the defaults. */
@Route("reminders/settings")
@PageTitle("Reminder settings")
@Menu(order = 85, icon = "vaadin:alarm", title = "Reminder settings")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER})
class ReminderSettingsView extends VerticalLayout {

    final ComboBox<Program> program = new ComboBox<>(io.auditflow.ui.Format.text("reminderSettings.program"));
    final TextField milestones = new TextField(io.auditflow.ui.Format.text("reminderSettings.milestones"));
    final TextField tasks = new TextField(io.auditflow.ui.Format.text("reminderSettings.tasks"));
    final TextField escalation = new TextField(io.auditflow.ui.Format.text("reminderSettings.escalation"));
    final Button save = new Button(io.auditflow.ui.Format.text("common.save"));
    final Button reset = new Button(io.auditflow.ui.Format.text("reminderSettings.reset"));
    final Paragraph state = new Paragraph();

    private final ReminderSettingsService settings;

    ReminderSettingsView(ReminderSettingsService settings, ProgramService programs) {
        this.settings = settings;
        setMaxWidth("800px");
        Offsets d = settings.defaults();
        add(new Paragraph(getTranslation("reminderSettings.intro", join(d.milestones()), join(d.tasks()), join(d.escalation()))));
        program.setId("settings-program");
        program.setItems(programs.list(false));
        program.setItemLabelGenerator(Program::name);
        program.setWidthFull();
        program.addValueChangeListener(e -> load());
        milestones.setId("settings-milestones");
        milestones.setPlaceholder(join(d.milestones()));
        tasks.setId("settings-tasks");
        tasks.setPlaceholder(join(d.tasks()));
        escalation.setId("settings-escalation");
        escalation.setPlaceholder(join(d.escalation()));
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        reset.setId("settings-reset");
        reset.addClickListener(e -> reset());
        state.setId("settings-state");
        FormLayout form = new FormLayout(program, milestones, tasks, escalation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        HorizontalLayout buttons = new HorizontalLayout(save, reset);
        buttons.setWrap(true); // the German words are longer; on a phone the second button moves below
        add(form, state, buttons);
        load();
    }

    private void load() {
        FieldErrors.clear(fields());
        boolean chosen = program.getValue() != null;
        save.setEnabled(chosen);
        reset.setEnabled(chosen);
        if (!chosen) {
            state.setText(getTranslation("reminderSettings.choose"));
            return;
        }
        Offsets o = settings.effective(program.getValue().id());
        milestones.setValue(o.overridden() ? join(o.milestones()) : "");
        tasks.setValue(o.overridden() ? join(o.tasks()) : "");
        escalation.setValue(o.overridden() ? join(o.escalation()) : "");
        state.setText(getTranslation(o.overridden() ? "reminderSettings.own" : "reminderSettings.defaults"));
    }

    void save() {
        try {
            Offsets o = settings.save(program.getValue() == null ? null : program.getValue().id(), milestones.getValue(),
                    tasks.getValue(), escalation.getValue());
            FieldErrors.clear(fields());
            state.setText(getTranslation(o.overridden() ? "reminderSettings.own" : "reminderSettings.defaults"));
            Notifications.success(getTranslation("reminderSettings.saved", program.getValue().name()));
        } catch (ValidationException e) {
            String rest = FieldErrors.show(e, fields());
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        }
    }

    void reset() {
        settings.reset(program.getValue().id());
        load();
        Notifications.success(getTranslation("reminderSettings.restored", program.getValue().name()));
    }

    private Map<String, com.vaadin.flow.component.HasValidation> fields() {
        return Map.of("program", program, "milestoneOffsets", milestones, "taskOffsets", tasks, "escalationOffsets", escalation);
    }

    private static String join(java.util.List<Integer> days) {
        return days.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
