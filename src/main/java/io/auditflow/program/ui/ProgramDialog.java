package io.auditflow.program.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Format;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Create or edit a program. The service checks the rules; its messages appear next to the fields
 * and the dialog stays open with what was typed, so nothing is lost.
 */
public class ProgramDialog extends Dialog {

    final TextField name = new TextField(Format.text("programDialog.name"));
    final ComboBox<Framework> framework = new ComboBox<>(Format.text("programDialog.framework"));
    final CheckboxGroup<TrustCategory> criteria = new CheckboxGroup<>(Format.text("programDialog.criteria"));
    final Select<String> isoEdition = new Select<>();
    final TextArea scope = new TextArea(Format.text("programDialog.scope"));
    final ComboBox<UserSummary> owner = new ComboBox<>(Format.text("programDialog.owner"));
    final ComboBox<TeamSummary> team = new ComboBox<>(Format.text("programDialog.team"));
    final Paragraph formError = new Paragraph();
    final Button save = new Button(Format.text("common.save"));

    private final ProgramService programs;
    private final Long programId;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public ProgramDialog(ProgramService programs, UserService users, Program existing) {
        this.programs = programs;
        this.programId = existing == null ? null : existing.id();
        setHeaderTitle(existing == null ? Format.text("programDialog.new") : Format.text("programDialog.edit", existing.name()));
        setWidth("640px");

        name.setId("program-name");
        name.setMaxLength(ProgramService.MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        framework.setId("program-framework");
        framework.setItems(Framework.values());
        framework.setItemLabelGenerator(io.auditflow.ui.Format::label);
        framework.setRequiredIndicatorVisible(true);
        criteria.setId("program-criteria");
        criteria.setItems(TrustCategory.values());
        criteria.setItemLabelGenerator(io.auditflow.ui.Format::label);
        criteria.setHelperText(Format.text("programDialog.criteriaHelp"));
        isoEdition.setLabel(Format.text("programDialog.isoEdition"));
        isoEdition.setItems("2022", "2013");
        scope.setId("program-scope");
        scope.setMaxLength(ProgramService.MAX_SCOPE);
        owner.setId("program-owner");
        owner.setItems(users.listUsers().stream().filter(UserSummary::enabled).toList());
        owner.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        owner.setRequiredIndicatorVisible(true);
        team.setId("program-team");
        team.setItems(users.listTeams());
        team.setItemLabelGenerator(TeamSummary::name);
        team.setRequiredIndicatorVisible(true);
        formError.addClassName("form-error");

        fields.put("name", name);
        fields.put("framework", framework);
        fields.put("criteria", criteria);
        fields.put("isoEdition", isoEdition);
        fields.put("scope", scope);
        fields.put("owner", owner);
        fields.put("team", team);

        framework.addValueChangeListener(e -> showFrameworkFields(e.getValue()));
        if (existing != null) {
            name.setValue(existing.name());
            framework.setValue(existing.framework());
            criteria.setValue(existing.criteria());
            isoEdition.setValue(existing.isoEdition());
            scope.setValue(existing.scope() == null ? "" : existing.scope());
            owner.getListDataView().getItems().filter(u -> u.username().equals(existing.owner())).findFirst()
                    .ifPresent(owner::setValue);
            team.getListDataView().getItems().filter(t -> t.code().equals(existing.team())).findFirst()
                    .ifPresent(team::setValue);
        } else {
            criteria.setValue(EnumSet.of(TrustCategory.SECURITY));
            isoEdition.setValue("2022");
        }
        showFrameworkFields(framework.getValue());

        FormLayout form = new FormLayout(name, framework, criteria, isoEdition, owner, team, scope);
        form.setColspan(scope, 2);
        form.setColspan(criteria, 2);
        add(form, formError);

        save.setId("program-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(Format.text("common.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    /** A coloured badge with the framework's name, used wherever programs are listed. */
    public static com.vaadin.flow.component.html.Span badge(Framework framework) {
        com.vaadin.flow.component.html.Span badge = new com.vaadin.flow.component.html.Span(io.auditflow.ui.Format.label(framework));
        badge.getElement().getThemeList().add("badge");
        badge.addClassName("framework-" + framework.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    private void showFrameworkFields(Framework value) {
        criteria.setVisible(value == null || value.isSoc2());
        isoEdition.setVisible(value == Framework.ISO27001);
    }

    ProgramRequest request() {
        Framework f = framework.getValue();
        return new ProgramRequest(name.getValue(), f,
                f != null && f.isSoc2() ? criteria.getValue() : EnumSet.noneOf(TrustCategory.class),
                scope.getValue(), f == Framework.ISO27001 ? isoEdition.getValue() : null,
                owner.getValue() == null ? null : owner.getValue().username(),
                team.getValue() == null ? null : team.getValue().code());
    }

    void save() {
        try {
            Program saved = programId == null ? programs.create(request()) : programs.update(programId, request());
            FieldErrors.clear(fields);
            fireEvent(new SavedEvent(this, saved));
            close();
        } catch (ValidationException ex) {
            formError.setText(FieldErrors.show(ex, fields));
        }
    }

    public Registration addSavedListener(com.vaadin.flow.component.ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }

    /** Fired after the service has stored the program. */
    public static class SavedEvent extends ComponentEvent<ProgramDialog> {

        private final Program program;

        SavedEvent(ProgramDialog source, Program program) {
            super(source, false);
            this.program = program;
        }

        public Program program() {
            return program;
        }
    }
}
