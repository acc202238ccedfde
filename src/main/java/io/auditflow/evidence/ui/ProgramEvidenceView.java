package io.auditflow.evidence.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.NotFoundException;
import io.auditflow.evidence.Evidence;
import io.auditflow.evidence.EvidenceService;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Roles;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** All evidence of one program, newest first, with the task it was given for and the window flag. */
@Route("evidence")
@PageTitle("Evidence")
@Menu(order = 15, icon = "vaadin:paperclip", title = "Evidence")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER})
class ProgramEvidenceView extends VerticalLayout {

    final ComboBox<Program> program = new ComboBox<>(io.auditflow.ui.Format.text("evidence.program"));
    final Grid<Evidence> grid = new Grid<>(Evidence.class, false);

    ProgramEvidenceView(EvidenceService evidence, ProgramService programs) {
        setSizeFull();
        program.setItems(programs.list(false));
        program.setItemLabelGenerator(Program::name);
        program.setWidth("28em");
        program.setMaxWidth("100%"); // a phone is narrower than 28em
        program.setId("evidence-program");
        program.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                grid.setItems(List.of());
                return;
            }
            try {
                grid.setItems(evidence.ofProgram(e.getValue().id()));
            } catch (NotFoundException ex) {
                grid.setItems(List.of());
                Notifications.error(getTranslation("evidence.notYourTeam"));
            }
        });
        grid.addColumn(Evidence::fileName).setHeader(getTranslation("evidence.column.file")).setKey("file").setFlexGrow(2);
        grid.addComponentColumn(e -> new Anchor("inbox/task/" + e.taskId(), e.taskName())).setHeader(getTranslation("evidence.column.task"))
                .setKey("task").setFlexGrow(2);
        grid.addComponentColumn(e -> {
            Span s = new Span(io.auditflow.ui.Format.date(e.evidenceDate())
                    + (Boolean.TRUE.equals(e.outsideWindow()) ? getTranslation("evidence.outsideWindow") : ""));
            if (Boolean.TRUE.equals(e.outsideWindow())) {
                s.addClassName("evidence-outside");
            }
            return s;
        }).setHeader(getTranslation("evidence.column.dated")).setKey("dated").setAutoWidth(true);
        grid.addColumn(Evidence::uploadedBy).setHeader(getTranslation("evidence.column.by")).setKey("by").setAutoWidth(true);
        grid.addColumn(e -> e.cycle() == null ? "" : String.valueOf(e.cycle())).setHeader(getTranslation("evidence.column.cycle"))
                .setKey("cycle").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("evidence.choose"));
        grid.setSizeFull();
        add(program, grid);
    }
}
