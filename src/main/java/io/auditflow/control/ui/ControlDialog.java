package io.auditflow.control.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.auditflow.common.ConflictException;
import io.auditflow.common.ValidationException;
import io.auditflow.control.Catalogue;
import io.auditflow.control.Catalogues;
import io.auditflow.control.Control;
import io.auditflow.control.ControlService;
import io.auditflow.control.Requirement;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserService;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Adds or changes a control: name, owner team, frequency and the requirements it satisfies per framework. */
class ControlDialog extends Dialog {

    final TextField code = new TextField(Format.text("controlDialog.code"));
    final TextField name = new TextField(Format.text("controlDialog.name"));
    final Select<String> team = new Select<>();
    final Select<Integer> frequency = new Select<>();
    final Map<String, MultiSelectComboBox<String>> requirements = new LinkedHashMap<>();
    final Span formError = new Span();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final ControlService controls;
    private final String existing;

    ControlDialog(ControlService controls, Catalogues catalogues, UserService users, Control control) {
        this.controls = controls;
        this.existing = control == null ? null : control.code();
        setHeaderTitle(control == null ? Format.text("controlDialog.new") : Format.text("controlDialog.change", control.name()));
        setWidth("min(44em, 96vw)");
        code.setId("control-code");
        code.setHelperText(Format.text("controlDialog.codeHint"));
        code.setMaxLength(64);
        name.setId("control-name");
        name.setMaxLength(200);
        team.setLabel(Format.text("controlDialog.team"));
        team.setItems(users.listTeams().stream().map(TeamSummary::code).toList());
        frequency.setLabel(Format.text("controlDialog.frequency"));
        frequency.setItems(new TreeSet<>(ControlService.FREQUENCIES));
        frequency.setItemLabelGenerator(Badges::frequency);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        if (control == null) {
            form.add(code, 2);
        }
        form.add(name, 2);
        form.add(team, frequency);
        for (Catalogue c : catalogues.all()) {
            MultiSelectComboBox<String> box = new MultiSelectComboBox<>(c.name() + " " + c.version());
            Map<String, String> titles = new LinkedHashMap<>();
            c.assessable().forEach(r -> titles.put(r.id(), r.id() + " " + io.auditflow.control.RequirementWords.title(c.code(), r, Format.locale())));
            box.setItems(new ArrayList<>(titles.keySet()));
            box.setItemLabelGenerator(id -> titles.getOrDefault(id, id));
            box.setId("requirements-" + c.code().toLowerCase(java.util.Locale.ROOT));
            box.setWidthFull();
            requirements.put(c.code(), box);
            form.add(box, 2);
        }
        fields.put("code", code);
        fields.put("name", name);
        fields.put("ownerTeam", team);
        fields.put("frequencyMonths", frequency);
        if (control != null) {
            name.setValue(control.name());
            team.setValue(control.ownerTeam());
            frequency.setValue(control.frequencyMonths());
            requirements.forEach((fw, box) -> box.setValue(Set.copyOf(control.requirementsOf(fw))));
        } else {
            frequency.setValue(3);
        }
        formError.addClassName("form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        add(form, formError);
        Button save = new Button(Format.text("common.save"), e -> save());
        save.setId("save-control");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Format.text("common.cancel"), e -> close()), save);
    }

    Control.Request request() {
        Map<String, List<String>> reqs = new LinkedHashMap<>();
        requirements.forEach((fw, box) -> reqs.put(fw, new ArrayList<>(new TreeSet<>(box.getValue()))));
        return new Control.Request(existing == null ? code.getValue() : existing, name.getValue(), team.getValue(),
                frequency.getValue(), reqs);
    }

    void save() {
        try {
            Control saved = existing == null ? controls.create(request()) : controls.update(existing, request());
            FieldErrors.clear(fields);
            fireEvent(new SavedEvent(this, saved));
            close();
        } catch (ValidationException ex) {
            formError.setText(FieldErrors.show(ex, fields));
        } catch (ConflictException ex) {
            formError.setText(Format.service(ex.getMessage()));
        }
    }

    Registration addSavedListener(ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }

    /** Fired after the service has stored the control. */
    static class SavedEvent extends ComponentEvent<ControlDialog> {
        private final Control control;

        SavedEvent(ControlDialog source, Control control) {
            super(source, false);
            this.control = control;
        }

        Control control() {
            return control;
        }
    }

    static String title(Catalogues catalogues, String framework, String id) {
        return catalogues.find(framework).flatMap(c -> c.find(id))
                .map(r -> io.auditflow.control.RequirementWords.title(framework, r, Format.locale())).orElse("");
    }
}
