package io.auditflow.lifecycle.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.identity.UserService;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.program.ui.ProgramDialog;
import io.auditflow.security.CurrentUser;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * One program: what it covers, who owns it, and its calendar of milestones. It lives with the
 * lifecycle because it shows and starts the program's lifecycle (program must not depend on lifecycle).
 */
@Route("programs/:id")
@PageTitle("Program")
@PermitAll
class ProgramDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final ProgramService programs;
    private final UserService users;
    private final MilestoneService milestones;
    final Grid<Milestone> milestoneGrid = new Grid<>(Milestone.class, false);
    private Program program;

    ProgramDetailView(ProgramService programs, UserService users, MilestoneService milestones) {
        this.programs = programs;
        this.users = users;
        this.milestones = milestones;
        addClassName("program-detail");
        milestoneGrid.addColumn(m -> m.getType().label()).setHeader("Milestone").setAutoWidth(true);
        milestoneGrid.addColumn(Milestone::getCycle).setHeader("Cycle").setAutoWidth(true);
        milestoneGrid.addColumn(Milestone::getPlannedDate).setHeader("Planned").setAutoWidth(true);
        milestoneGrid.addColumn(Milestone::getActualDate).setHeader("Actual").setAutoWidth(true);
        milestoneGrid.addColumn(m -> m.getStatus().name()).setHeader("Status").setAutoWidth(true);
        milestoneGrid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("id").orElse(null);
        program = programs.find(id).orElseThrow(NotFoundException::new);
        render();
    }

    private void render() {
        removeAll();
        H2 title = new H2(program.name());
        title.setId("program-title");
        HorizontalLayout header = new HorizontalLayout(title, ProgramDialog.badge(program.framework()));
        header.setAlignItems(Alignment.CENTER);
        if (program.archived()) {
            Span archived = new Span("Archived");
            archived.getElement().getThemeList().add("badge contrast");
            header.add(archived);
        }
        add(new Anchor("programs", "← All programs"), header);

        Div facts = new Div();
        facts.addClassName("facts");
        facts.add(fact("Owner", program.ownerName()), fact("Team", program.teamName()));
        if (program.framework().isSoc2()) {
            facts.add(fact("Trust Services Criteria", program.criteria().stream().sorted()
                    .map(TrustCategory::label).collect(Collectors.joining(", "))));
        }
        if (program.framework() == Framework.ISO27001) {
            facts.add(fact("Edition", "ISO/IEC 27001:" + program.isoEdition()));
        }
        add(facts, new Paragraph(program.scope() == null ? "No scope written yet." : program.scope()));

        if (CurrentUser.canManage()) {
            Button edit = new Button("Edit", e -> {
                ProgramDialog dialog = new ProgramDialog(programs, users, program);
                dialog.addSavedListener(s -> {
                    program = s.program();
                    Notifications.success("Saved");
                    render();
                });
                dialog.open();
            });
            edit.setId("edit-program");
            Button archive = new Button(program.archived() ? "Restore" : "Archive", e -> {
                program = programs.setArchived(program.id(), !program.archived());
                Notifications.success(program.archived() ? "Archived" : "Restored");
                render();
            });
            archive.setId("archive-program");
            archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(new HorizontalLayout(edit, archive));
        }

        add(new H3("Milestones"));
        var items = milestones.ofProgram(program.id());
        if (items.isEmpty()) {
            add(new Paragraph("No milestones yet: the calendar appears once a lifecycle is started."));
        } else {
            milestoneGrid.setItems(items);
            add(milestoneGrid);
        }
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value == null ? "—" : value);
        v.addClassName("fact-value");
        Div d = new Div(l, v);
        d.addClassName("fact");
        return d;
    }
}
