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

    final CheckboxGroup<TrustCategory> criteria = new CheckboxGroup<>(Format.text("startForm.criteria"));
    final Checkbox readiness = new Checkbox(Format.text("startForm.readiness"));
    final DatePicker asOfDate = new DatePicker(Format.text("startForm.asOfDate"));
    final DatePicker windowStart = new DatePicker(Format.text("startForm.windowStart"));
    final IntegerField windowMonths = new IntegerField(Format.text("startForm.windowMonths"));
    final Checkbox renewal = new Checkbox(Format.text("startForm.renewal"), true);
    final DatePicker fieldworkStart = new DatePicker(Format.text("startForm.fieldworkStart"));
    final DatePicker fieldworkEnd = new DatePicker(Format.text("startForm.fieldworkEnd"));
    final DatePicker lastReportPeriodStart = new DatePicker(Format.text("startForm.lastReportPeriodStart"));
    final DatePicker lastReportPeriodEnd = new DatePicker(Format.text("startForm.lastReportPeriodEnd"));
    final DatePicker lastReportIssuedOn = new DatePicker(Format.text("startForm.lastReportIssuedOn"));
    final RadioButtonGroup<IsoStart> isoStart = new RadioButtonGroup<>(Format.text("startForm.isoStart"));
    final DatePicker stage1Date = new DatePicker(Format.text("startForm.stage1"));
    final DatePicker stage2Date = new DatePicker(Format.text("startForm.stage2"));
    final DatePicker decisionDate = new DatePicker(Format.text("startForm.decision"));
    final DatePicker surveillance1Date = new DatePicker(Format.text("startForm.surveillance1"));
    final DatePicker surveillance1HeldOn = new DatePicker(Format.text("startForm.surveillance1HeldOn"));
    final DatePicker surveillance2HeldOn = new DatePicker(Format.text("startForm.surveillance2HeldOn"));
    final Button start = new Button(Format.text("startForm.start"));
    final Paragraph formError = new Paragraph();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Framework framework;

    StartLifecycleForm(Program program, LifecycleService lifecycles) {
        this.framework = program.framework();
        setPadding(false);
        addClassName("start-lifecycle-form");
        Format.pickers(asOfDate, windowStart, fieldworkStart, fieldworkEnd, stage1Date, stage2Date, decisionDate,
                surveillance1Date, surveillance1HeldOn, surveillance2HeldOn, lastReportPeriodStart, lastReportPeriodEnd,
                lastReportIssuedOn);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        criteria.setItems(TrustCategory.values());
        criteria.setItemLabelGenerator(Format::label);
        windowMonths.setValue(12);
        windowMonths.setStepButtonsVisible(true);
        isoStart.setItems(IsoStart.values());
        isoStart.setItemLabelGenerator(s -> s == IsoStart.INITIAL ? Format.text("startForm.isoInitial")
                : Format.text("startForm.isoExisting"));
        isoStart.setValue(IsoStart.INITIAL);
        setIds();
        if (program.framework().isSoc2()) {
            criteria.setValue(program.criteria());
            form.add(criteria, 2);
            form.add(readiness, 2);
            if (program.framework() == Framework.SOC2_TYPE1) {
                form.add(asOfDate);
            } else {
                form.add(windowStart, windowMonths);
                form.add(renewal, 2);
                form.add(lastReportPeriodStart, lastReportPeriodEnd, lastReportIssuedOn);
            }
            form.add(fieldworkStart, fieldworkEnd);
        } else {
            form.add(isoStart, 2);
            form.add(stage1Date, stage2Date, decisionDate, surveillance1Date, surveillance1HeldOn, surveillance2HeldOn);
            surveillance1HeldOn.setHelperText(Format.text("startForm.surveillance1HeldOnHelp"));
            isoStart.addValueChangeListener(e -> showIsoFields());
            showIsoFields();
        }
        fields.put("criteria", criteria);
        fields.put("asOfDate", asOfDate);
        fields.put("windowStart", windowStart);
        fields.put("windowMonths", windowMonths);
        fields.put("windowEnd", windowMonths);
        fields.put("fieldworkStart", fieldworkStart);
        fields.put("fieldworkEnd", fieldworkEnd);
        fields.put("stage1Date", stage1Date);
        fields.put("stage2Date", stage2Date);
        fields.put("decisionDate", decisionDate);
        fields.put("surveillance1Date", surveillance1Date);
        fields.put("surveillance1HeldOn", surveillance1HeldOn);
        fields.put("surveillance2HeldOn", surveillance2HeldOn);
        fields.put("lastReportPeriodStart", lastReportPeriodStart);
        fields.put("lastReportPeriodEnd", lastReportPeriodEnd);
        fields.put("lastReportIssuedOn", lastReportIssuedOn);
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
        criteria.setId("lifecycle-criteria");
        readiness.setId("lifecycle-readiness");
        asOfDate.setId("lifecycle-as-of-date");
        windowStart.setId("lifecycle-window-start");
        windowMonths.setId("lifecycle-window-months");
        renewal.setId("lifecycle-renewal");
        fieldworkStart.setId("lifecycle-fieldwork-start");
        fieldworkEnd.setId("lifecycle-fieldwork-end");
        isoStart.setId("lifecycle-iso-start");
        stage1Date.setId("lifecycle-stage1");
        stage2Date.setId("lifecycle-stage2");
        decisionDate.setId("lifecycle-decision");
        surveillance1Date.setId("lifecycle-surveillance1");
        surveillance1HeldOn.setId("lifecycle-surveillance1-held");
        surveillance2HeldOn.setId("lifecycle-surveillance2-held");
        lastReportPeriodStart.setId("lifecycle-last-report-start");
        lastReportPeriodEnd.setId("lifecycle-last-report-end");
        lastReportIssuedOn.setId("lifecycle-last-report-issued");
        start.setId("start-lifecycle");
        formError.setId("lifecycle-form-error");
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
        boolean iso = framework == Framework.ISO27001;
        boolean initial = isoStart.getValue() != IsoStart.EXISTING;
        return new LifecycleRequest(
                iso || criteria.getValue().isEmpty() ? null : criteria.getValue(),
                readiness.getValue(),
                asOfDate.getValue(),
                windowStart.getValue(),
                windowMonths.getValue(),
                null,
                fieldworkStart.getValue(),
                fieldworkEnd.getValue(),
                renewal.getValue(),
                iso ? isoStart.getValue() : null,
                iso && initial ? stage1Date.getValue() : null,
                iso && initial ? stage2Date.getValue() : null,
                iso && !initial ? decisionDate.getValue() : null,
                iso && !initial ? surveillance1Date.getValue() : null,
                iso && !initial ? surveillance1HeldOn.getValue() : null,
                iso && !initial ? surveillance2HeldOn.getValue() : null,
                iso ? null : lastReportPeriodStart.getValue(),
                iso ? null : lastReportPeriodEnd.getValue(),
                iso ? null : lastReportIssuedOn.getValue());
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
