package io.auditflow.lifecycle.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.HasValidation;
import io.auditflow.common.ConflictException;
import io.auditflow.common.ValidationException;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleRequest.IsoStart;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.TrustCategory;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Format;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form a manager fills in to start a program's lifecycle. It shows only the fields of the
 * program's framework; the rules live in {@link LifecycleService}, and their messages appear next to
 * the field they concern. Fires {@link StartedEvent} when the lifecycle runs.
 */
class StartLifecycleForm extends VerticalLayout {

    // Only the fields of the program's framework are built (decision 0166: memory per screen); the others stay null.
    CheckboxGroup<TrustCategory> criteria;
    Checkbox readiness;
    DatePicker asOfDate;
    DatePicker windowStart;
    IntegerField windowMonths;
    Checkbox renewal;
    DatePicker fieldworkStart;
    DatePicker fieldworkEnd;
    DatePicker lastReportPeriodStart;
    DatePicker lastReportPeriodEnd;
    DatePicker lastReportIssuedOn;
    RadioButtonGroup<IsoStart> isoStart;
    DatePicker stage1Date;
    DatePicker stage2Date;
    DatePicker decisionDate;
    DatePicker surveillance1Date;
    DatePicker surveillance1HeldOn;
    DatePicker surveillance2HeldOn;
    final Button start = new Button(Format.text("startForm.start"));
    final Paragraph formError = new Paragraph();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Framework framework;

    StartLifecycleForm(Program program, LifecycleService lifecycles) {
        this.framework = program.framework();
        setPadding(false);
        addClassName("start-lifecycle-form");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        if (program.framework().isSoc2()) {
            criteria = new CheckboxGroup<>(Format.text("startForm.criteria"));
            criteria.setItems(TrustCategory.values());
            criteria.setItemLabelGenerator(Format::label);
            criteria.setValue(program.criteria());
            readiness = new Checkbox(Format.text("startForm.readiness"));
            form.add(criteria, 2);
            form.add(readiness, 2);
            if (program.framework() == Framework.SOC2_TYPE1) {
                asOfDate = new DatePicker(Format.text("startForm.asOfDate"));
                form.add(asOfDate);
            } else {
                windowStart = new DatePicker(Format.text("startForm.windowStart"));
                windowMonths = new IntegerField(Format.text("startForm.windowMonths"));
                windowMonths.setValue(12);
                windowMonths.setStepButtonsVisible(true);
                renewal = new Checkbox(Format.text("startForm.renewal"), true);
                lastReportPeriodStart = new DatePicker(Format.text("startForm.lastReportPeriodStart"));
                lastReportPeriodEnd = new DatePicker(Format.text("startForm.lastReportPeriodEnd"));
                lastReportIssuedOn = new DatePicker(Format.text("startForm.lastReportIssuedOn"));
                form.add(windowStart, windowMonths);
                form.add(renewal, 2);
                form.add(lastReportPeriodStart, lastReportPeriodEnd, lastReportIssuedOn);
            }
            fieldworkStart = new DatePicker(Format.text("startForm.fieldworkStart"));
            fieldworkEnd = new DatePicker(Format.text("startForm.fieldworkEnd"));
            form.add(fieldworkStart, fieldworkEnd);
        } else {
            isoStart = new RadioButtonGroup<>(Format.text("startForm.isoStart"));
            isoStart.setItems(IsoStart.values());
            isoStart.setItemLabelGenerator(s -> s == IsoStart.INITIAL ? Format.text("startForm.isoInitial")
                    : Format.text("startForm.isoExisting"));
            isoStart.setValue(IsoStart.INITIAL);
            stage1Date = new DatePicker(Format.text("startForm.stage1"));
            stage2Date = new DatePicker(Format.text("startForm.stage2"));
            decisionDate = new DatePicker(Format.text("startForm.decision"));
            surveillance1Date = new DatePicker(Format.text("startForm.surveillance1"));
            surveillance1HeldOn = new DatePicker(Format.text("startForm.surveillance1HeldOn"));
            surveillance2HeldOn = new DatePicker(Format.text("startForm.surveillance2HeldOn"));
            form.add(isoStart, 2);
            form.add(stage1Date, stage2Date, decisionDate, surveillance1Date, surveillance1HeldOn, surveillance2HeldOn);
            surveillance1HeldOn.setHelperText(Format.text("startForm.surveillance1HeldOnHelp"));
            isoStart.addValueChangeListener(e -> showIsoFields());
            showIsoFields();
        }
        Format.pickers(java.util.stream.Stream.of(asOfDate, windowStart, fieldworkStart, fieldworkEnd, stage1Date, stage2Date,
                decisionDate, surveillance1Date, surveillance1HeldOn, surveillance2HeldOn, lastReportPeriodStart,
                lastReportPeriodEnd, lastReportIssuedOn).filter(java.util.Objects::nonNull).toArray(DatePicker[]::new));
        setIds();
        field("criteria", criteria);
        field("asOfDate", asOfDate);
        field("windowStart", windowStart);
        field("windowMonths", windowMonths);
        field("windowEnd", windowMonths);
        field("fieldworkStart", fieldworkStart);
        field("fieldworkEnd", fieldworkEnd);
        field("stage1Date", stage1Date);
        field("stage2Date", stage2Date);
        field("decisionDate", decisionDate);
        field("surveillance1Date", surveillance1Date);
        field("surveillance1HeldOn", surveillance1HeldOn);
        field("surveillance2HeldOn", surveillance2HeldOn);
        field("lastReportPeriodStart", lastReportPeriodStart);
        field("lastReportPeriodEnd", lastReportPeriodEnd);
        field("lastReportIssuedOn", lastReportIssuedOn);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> {
            try {
                FieldErrors.clear(fields);
                formError.setText("");
                LifecycleService.LifecycleStarted started = lifecycles.startLifecycle(program.id(), request());
                fireEvent(new StartedEvent(this, started));
            } catch (ValidationException ex) {
                formError.setText(FieldErrors.show(ex, fields));
            } catch (ConflictException ex) {
                formError.setText(Format.service(ex.getMessage()));
            }
        });
        formError.addClassName("form-error");
        add(form, formError, start);
    }

    private void setIds() {
        id(criteria, "lifecycle-criteria");
        id(readiness, "lifecycle-readiness");
        id(asOfDate, "lifecycle-as-of-date");
        id(windowStart, "lifecycle-window-start");
        id(windowMonths, "lifecycle-window-months");
        id(renewal, "lifecycle-renewal");
        id(fieldworkStart, "lifecycle-fieldwork-start");
        id(fieldworkEnd, "lifecycle-fieldwork-end");
        id(isoStart, "lifecycle-iso-start");
        id(stage1Date, "lifecycle-stage1");
        id(stage2Date, "lifecycle-stage2");
        id(decisionDate, "lifecycle-decision");
        id(surveillance1Date, "lifecycle-surveillance1");
        id(surveillance1HeldOn, "lifecycle-surveillance1-held");
        id(surveillance2HeldOn, "lifecycle-surveillance2-held");
        id(lastReportPeriodStart, "lifecycle-last-report-start");
        id(lastReportPeriodEnd, "lifecycle-last-report-end");
        id(lastReportIssuedOn, "lifecycle-last-report-issued");
        start.setId("start-lifecycle");
        formError.setId("lifecycle-form-error");
    }

    private static void id(com.vaadin.flow.component.Component field, String id) {
        if (field != null) {
            field.setId(id);
        }
    }

    private void field(String name, HasValidation field) {
        if (field != null) {
            fields.put(name, field);
        }
    }

    private static <T> T value(com.vaadin.flow.component.HasValue<?, T> field, T absent) {
        return field == null ? absent : field.getValue();
    }

    private void showIsoFields() {
        boolean initial = isoStart.getValue() != IsoStart.EXISTING;
        stage1Date.setVisible(initial);
        stage2Date.setVisible(initial);
        decisionDate.setVisible(!initial);
        surveillance1Date.setVisible(!initial);
        surveillance1HeldOn.setVisible(!initial);
        surveillance2HeldOn.setVisible(!initial);
    }

    LifecycleRequest request() {
        // an absent field sends what it would have held untouched (12 months, renewal on, no readiness)
        boolean iso = framework == Framework.ISO27001;
        boolean initial = value(isoStart, null) != IsoStart.EXISTING;
        var chosen = value(criteria, null);
        return new LifecycleRequest(
                iso || chosen == null || chosen.isEmpty() ? null : chosen,
                value(readiness, false),
                value(asOfDate, null),
                value(windowStart, null),
                value(windowMonths, 12),
                null,
                value(fieldworkStart, null),
                value(fieldworkEnd, null),
                value(renewal, true),
                iso ? isoStart.getValue() : null,
                iso && initial ? value(stage1Date, null) : null,
                iso && initial ? value(stage2Date, null) : null,
                iso && !initial ? value(decisionDate, null) : null,
                iso && !initial ? value(surveillance1Date, null) : null,
                iso && !initial ? value(surveillance1HeldOn, null) : null,
                iso && !initial ? value(surveillance2HeldOn, null) : null,
                iso ? null : value(lastReportPeriodStart, null),
                iso ? null : value(lastReportPeriodEnd, null),
                iso ? null : value(lastReportIssuedOn, null));
    }

    Registration addStartedListener(ComponentEventListener<StartedEvent> listener) {
        return addListener(StartedEvent.class, listener);
    }

    /** The lifecycle was started. */
    static class StartedEvent extends ComponentEvent<StartLifecycleForm> {
        private final LifecycleService.LifecycleStarted started;

        StartedEvent(StartLifecycleForm source, LifecycleService.LifecycleStarted started) {
            super(source, false);
            this.started = started;
        }

        LifecycleService.LifecycleStarted started() {
            return started;
        }
    }
}
