package io.auditflow.engagement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ValidationException;
import io.auditflow.engagement.AuditOption;
import io.auditflow.engagement.Engagement;
import io.auditflow.engagement.EngagementForm;
import io.auditflow.engagement.EngagementService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/** Engagements: managers see all and create them; auditors land here and see only theirs. */
@Route("engagements")
@PageTitle("Engagements")
@Menu(order = 20, icon = "vaadin:briefcase", title = "Engagements")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER, Roles.AUDITOR})
class EngagementListView extends VerticalLayout implements BeforeEnterObserver {

    private final EngagementService engagements;
    private final ProgramService programs;
    final Grid<Engagement> grid = new Grid<>(Engagement.class, false);
    final Button create = new Button(Format.text("engagementList.new"));

    EngagementListView(EngagementService engagements, ProgramService programs) {
        this.engagements = engagements;
        this.programs = programs;
        addClassName("engagement-list");
        grid.setId("engagement-grid");
        // columns start at least as wide as their German headers (the default 100 px cut "Programm" off on phones)
        grid.addColumn(Engagement::name).setHeader(Format.text("engagementList.column.name")).setWidth("8rem").setFlexGrow(3).setKey("name");
        grid.addColumn(Engagement::programName).setHeader(Format.text("engagementList.column.program")).setWidth("8rem").setFlexGrow(2).setKey("program");
        grid.addColumn(e -> Format.period(e.periodStart(), e.periodEnd())).setHeader(Format.text("engagementList.column.period")).setAutoWidth(true).setFlexGrow(0).setKey("period");
        grid.addColumn(e -> e.fieldworkStart() == null ? "" : Format.period(e.fieldworkStart(), e.fieldworkEnd()))
                .setHeader(Format.text("engagementList.column.fieldwork")).setAutoWidth(true).setFlexGrow(0).setKey("fieldwork");
        grid.addColumn(e -> e.auditFirm() == null ? "" : e.auditFirm()).setHeader(Format.text("engagementList.column.firm")).setAutoWidth(true).setFlexGrow(1).setKey("firm");
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("engagements/" + e.getItem().id())));
        grid.setAllRowsVisible(true);
        create.setId("new-engagement");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate(null));
        create.setVisible(CurrentUser.canManage());
        add(create, grid);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        List<String> program = params.get("program");
        if (program != null && !program.isEmpty() && CurrentUser.canManage()) {
            try {
                // The lifecycle's offer and the program page's milestone rows also name the audit and cycle.
                String audit = params.getOrDefault("audit", List.of()).stream().findFirst().orElse(null);
                Integer cycle = params.getOrDefault("cycle", List.of()).stream().findFirst().map(Integer::valueOf).orElse(null);
                openCreate(Long.valueOf(program.get(0)), audit, cycle);
            } catch (NumberFormatException ignored) {
                // a hand-typed address: just show the list
            }
        }
    }

    void refresh() {
        List<Engagement> items = engagements.list();
        grid.setItems(items);
        if (items.isEmpty() && !CurrentUser.canManage()) {
            addComponentAtIndex(0, new Paragraph(Format.text("engagementList.none")));
        }
    }

    Dialog openCreate(Long programId) {
        return openCreate(programId, null, null);
    }

    /**
     * The create dialog; {@code programId} preselects the program (from the program page), and
     * {@code auditType} with {@code cycle} the audit when the calendar has it (from an offer).
     */
    Dialog openCreate(Long programId, String auditType, Integer cycle) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Format.text("engagementList.new"));
        dialog.setId("engagement-dialog");
        ComboBox<Program> program = new ComboBox<>(Format.text("engagementList.program"));
        program.setId("engagement-program");
        program.setItems(programs.list(false));
        program.setItemLabelGenerator(Program::name);
        ComboBox<AuditOption> audit = new ComboBox<>(Format.text("engagementList.audit"));
        audit.setId("engagement-audit");
        audit.setItemLabelGenerator(EngagementListView::auditLabel);
        audit.setHelperText(Format.text("engagementList.auditHelp"));
        program.addValueChangeListener(e -> {
            audit.clear();
            audit.setItems(e.getValue() == null ? List.of() : engagements.auditsOf(e.getValue().id()));
        });
        TextField name = new TextField(Format.text("engagementList.name"));
        name.setId("engagement-name");
        name.setHelperText(Format.text("engagementList.nameHelp"));
        TextField firm = new TextField(Format.text("engagementList.firm"));
        firm.setId("engagement-firm");
        TextField lead = new TextField(Format.text("engagementList.lead"));
        DatePicker periodStart = new DatePicker(Format.text("engagementList.periodFrom"));
        periodStart.setId("engagement-period-start");
        DatePicker periodEnd = new DatePicker(Format.text("engagementList.periodTo"));
        periodEnd.setId("engagement-period-end");
        periodStart.setHelperText(Format.text("engagementList.periodHelp"));
        DatePicker fieldworkStart = new DatePicker(Format.text("engagementList.fieldworkFrom"));
        DatePicker fieldworkEnd = new DatePicker(Format.text("engagementList.fieldworkTo"));
        Format.pickers(periodStart, periodEnd, fieldworkStart, fieldworkEnd);
        FormLayout form = new FormLayout(program, audit, name, firm, lead, periodStart, periodEnd, fieldworkStart, fieldworkEnd);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        dialog.add(form);
        if (programId != null) {
            programs.find(programId).ifPresent(program::setValue);
            if (auditType != null && program.getValue() != null) {
                engagements.auditsOf(programId).stream()
                        .filter(o -> o.milestoneType().equals(auditType) && (cycle == null || o.cycle() == cycle))
                        .findFirst().ifPresent(audit::setValue);
            }
        }
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("programId", program, "milestoneType", audit,
                "name", name, "auditFirm", firm, "periodStart", periodStart, "periodEnd", periodEnd, "fieldworkEnd", fieldworkEnd);
        Button save = new Button(Format.text("engagementList.create"), e -> {
            AuditOption a = audit.getValue();
            try {
                FieldErrors.clear(fields);
                Engagement created = engagements.create(new EngagementForm(program.getValue() == null ? null : program.getValue().id(),
                        a == null ? null : a.milestoneType(), a == null ? null : a.cycle(), name.getValue(), firm.getValue(),
                        lead.getValue(), fieldworkStart.getValue(), fieldworkEnd.getValue(), periodStart.getValue(),
                        periodEnd.getValue()), Format.locale());
                dialog.close();
                Notifications.success(Format.text("engagementList.created"));
                getUI().ifPresent(ui -> ui.navigate("engagements/" + created.id()));
            } catch (ValidationException ex) {
                String rest = FieldErrors.show(ex, fields);
                if (!rest.isBlank()) {
                    Notifications.error(rest);
                }
            }
        });
        save.setId("engagement-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Format.text("common.cancel"), e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }
    /** "Surveillance audit 1 (cycle 1, 2026-10-07)" in the reader's language; the calendar names the audit. */
    static String auditLabel(AuditOption option) {
        MilestoneType type = MilestoneType.valueOf(option.milestoneType());
        String what = type == MilestoneType.OBSERVATION_END ? Format.text("engagementList.auditWindow") : Format.label(type);
        return Format.text("engagementList.auditOption", what, String.valueOf(option.cycle()), Format.date(option.date()));
    }
}
