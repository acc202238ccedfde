package io.auditflow.lifecycle.ui;

import io.auditflow.common.ConflictException;
import io.auditflow.lifecycle.Planner;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.identity.UserService;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import io.auditflow.common.ValidationException;
import io.auditflow.lifecycle.CertificateService;
import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.lifecycle.FindingService;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.program.ui.ProgramDialog;
import io.auditflow.security.CurrentUser;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.List;
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
    private final LifecycleService lifecycles;
    private final ControlActivityService controls;
    private final FindingService findings;
    final Grid<Milestone> milestoneGrid = new Grid<>(Milestone.class, false);
    StartLifecycleForm startForm;
    private Program program;

    ProgramDetailView(ProgramService programs, UserService users, MilestoneService milestones,
                      LifecycleService lifecycles, ControlActivityService controls, FindingService findings,
                      org.springframework.beans.factory.ObjectProvider<MilestoneAction> milestoneActions) {
        this.programs = programs;
        this.users = users;
        this.milestones = milestones;
        this.lifecycles = lifecycles;
        this.controls = controls;
        this.findings = findings;
        addClassName("program-detail");
        milestoneGrid.setId("milestone-grid");
        milestoneGrid.addColumn(m -> Format.label(m.getType())).setHeader(Format.text("program.milestone")).setAutoWidth(true);
        milestoneGrid.addColumn(m -> m.getCycle() == 0 ? Format.text("program.cycleBeforeTracking") : String.valueOf(m.getCycle()))
                .setHeader(Format.text("program.cycle")).setAutoWidth(true);
        milestoneGrid.addColumn(m -> Format.date(m.getPlannedDate())).setHeader(Format.text("program.planned")).setAutoWidth(true);
        milestoneGrid.addColumn(m -> Format.date(m.getActualDate())).setHeader(Format.text("program.actual")).setAutoWidth(true);
        milestoneGrid.addColumn(m -> Format.label(m.getStatus())).setHeader(Format.text("program.status")).setAutoWidth(true);
        milestoneGrid.addColumn(Milestone::getNote).setHeader(Format.text("program.note")).setFlexGrow(1);
        // A template drawn in the browser, not a Button per row (decision 0158: memory per screen)
        milestoneGrid.addColumn(LitRenderer.<Milestone>of(MOVE_TEMPLATE)
                .withProperty("movable", m -> CurrentUser.canManage() && m.getStatus() != MilestoneStatus.DONE
                        && !program.archived() && LifecycleService.movable(m.getType()))
                .withProperty("moveText", m -> Format.text("program.move"))
                .withFunction("move", this::openReschedule)).setAutoWidth(true).setKey("move");
        // Actions of other features on a milestone's row (the engagement of an audit): one column for all, links
        // described as data and drawn by a template, not a component per row (decision 0165: memory per screen).
        List<MilestoneAction> actions = milestoneActions.orderedStream().toList();
        if (!actions.isEmpty()) {
            milestoneGrid.addColumn(LitRenderer.<Milestone>of(ACTIONS_TEMPLATE)
                    .withProperty("links", m -> actions.stream().map(a -> a.link(program, m))
                            .filter(java.util.Objects::nonNull).toList()))
                    .setAutoWidth(true).setKey("milestone-actions");
        }
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
        header.addClassName("program-header");
        if (program.archived()) {
            Span archived = new Span(Format.text("programs.archived"));
            archived.getElement().getThemeList().add("badge contrast");
            header.add(archived);
        }
        add(new Anchor("programs", Format.text("program.back")), header);

        // The facts are read, never changed here: one element of markup, not three components per fact (decision 0165)
        StringBuilder facts = new StringBuilder("<div class=\"facts\">");
        fact(facts, Format.text("programs.column.owner"), program.ownerName());
        fact(facts, Format.text("programs.column.team"), program.teamName());
        if (program.framework().isSoc2()) {
            fact(facts, Format.text("program.criteria"), program.criteria().stream().sorted()
                    .map(Format::label).collect(Collectors.joining(", ")));
        }
        if (program.framework() == Framework.ISO27001) {
            fact(facts, Format.text("program.edition"), "ISO/IEC 27001:" + program.isoEdition());
        }
        add(new Html(facts.append("</div>").toString()), new Paragraph(program.scope() == null ? Format.text("program.noScope") : program.scope()));

        if (CurrentUser.canManage()) {
            Button edit = new Button(Format.text("program.edit"), e -> {
                ProgramDialog dialog = new ProgramDialog(programs, users, program);
                dialog.addSavedListener(s -> {
                    program = s.program();
                    Notifications.success(Format.text("program.saved"));
                    render();
                });
                dialog.open();
            });
            edit.setId("edit-program");
            Button archive = new Button(program.archived() ? Format.text("program.restore") : Format.text("program.archive"), e -> {
                program = programs.setArchived(program.id(), !program.archived());
                Notifications.success(program.archived() ? Format.text("programs.archived") : Format.text("program.restored"));
                render();
            });
            archive.setId("archive-program");
            archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            // Engagements (issue 11) live in their own feature; a plain link keeps this view independent of it.
            Anchor engagement = new Anchor("engagements?program=" + program.id(), Format.text("program.createEngagement"));
            engagement.setId("create-engagement");
            HorizontalLayout actions = new HorizontalLayout(edit, archive, engagement);
            actions.setAlignItems(Alignment.BASELINE);
            actions.addClassName("program-actions");
            add(actions);
        }

        renderLifecycle();

        add(new H3(Format.text("program.milestones")));
        var items = milestones.ofProgram(program.id());
        if (items.isEmpty()) {
            add(new Paragraph(Format.text("program.noMilestones")));
        } else {
            milestoneGrid.setItems(items);
            add(milestoneGrid);
        }
    }

    private void renderLifecycle() {
        add(new H3(Format.text("program.lifecycle")));
        var running = lifecycles.running(program.id());
        if (running.isEmpty()) {
            if (CurrentUser.canManage() && !program.archived()) {
                add(new Paragraph(Format.text("program.noLifecycle.start")));
                startForm = new StartLifecycleForm(program, lifecycles);
                startForm.addStartedListener(e -> {
                    Notifications.success(Format.text("program.lifecycleStarted", e.started().milestones().size()));
                    render();
                });
                add(startForm);
            } else {
                add(new Paragraph(Format.text("program.noLifecycle")));
            }
            return;
        }
        startForm = null;
        Span state = new Span(Format.text("program.running", lifecycles.runningLabel(program.id()).orElse("lifecycle")));
        state.setId("lifecycle-state");
        state.getElement().getThemeList().add("badge success");
        Div facts = new Div(state);
        facts.addClassName("facts");
        lifecycles.certificate(program.id()).ifPresent(c -> facts.add(certificate(c)));
        add(facts);
        if (program.framework().isSoc2()) {
            var coverage = lifecycles.coverage(program.id());
            Span cov = new Span(io.auditflow.lifecycle.PlannerWords.coverage(coverage, Format.locale()));
            cov.setId("coverage-state");
            cov.getElement().getThemeList().add(switch (coverage.kind()) {
                case COVERED -> "badge success";
                case NOT_STARTED -> "badge contrast";
                default -> "badge error";
            });
            facts.add(cov);
            var gaps = coverage.gaps();
            if (!gaps.isEmpty()) {
                Paragraph p = new Paragraph(Format.text("program.coverageGaps") + " " + gaps.stream()
                        .map(g -> Format.text("program.gap", Format.date(g.from()), Format.date(g.to()), g.days()))
                        .collect(Collectors.joining("; ")));
                p.setId("coverage-gaps");
                p.addClassName("coverage-gap");
                add(p);
            }
            var evd = controls.expectedVersusDone(program.id());
            if (!evd.isEmpty()) {
                Grid<ControlActivityService.ExpectedVersusDone> grid = new Grid<>();
                grid.setId("control-activities");
                grid.addColumn(ControlActivityService.ExpectedVersusDone::activityName).setHeader(Format.text("program.activity"))
                        .setAutoWidth(true).setFlexGrow(1);
                grid.addColumn(ControlActivityService.ExpectedVersusDone::cycle).setHeader(Format.text("program.window")).setWidth("7em").setFlexGrow(0)
                        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
                grid.addColumn(ControlActivityService.ExpectedVersusDone::expected).setHeader(Format.text("program.expected")).setWidth("7em").setFlexGrow(0)
                        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
                grid.addColumn(ControlActivityService.ExpectedVersusDone::done).setHeader(Format.text("program.done")).setWidth("7em").setFlexGrow(0)
                        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
                grid.addColumn(ControlActivityService.ExpectedVersusDone::overdue).setHeader(Format.text("program.overdue")).setWidth("7em").setFlexGrow(0)
                        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
                if (evd.stream().anyMatch(e -> e.beforeTracking() > 0)) {
                    // A window joined mid-way: occurrences due before tracking are shown, never overdue.
                    grid.addColumn(ControlActivityService.ExpectedVersusDone::beforeTracking).setHeader(Format.text("program.beforeTracking"))
                            .setWidth("9em").setFlexGrow(0).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
                }
                grid.setItems(evd);
                grid.setAllRowsVisible(true);
                add(new H3(Format.text("program.activities")), grid);
            }
        }
        var programFindings = findings.findingsOf(program.id());
        if (!programFindings.isEmpty()) {
            Grid<FindingService.FindingView> grid = new Grid<>();
            grid.setId("findings");
            grid.addColumn(f -> Format.label(f.kind())).setHeader(Format.text("program.finding")).setAutoWidth(true);
            grid.addColumn(FindingService.FindingView::title).setHeader(Format.text("program.title")).setFlexGrow(1);
            grid.addColumn(FindingService.FindingView::status).setHeader(Format.text("program.status")).setAutoWidth(true);
            grid.addColumn(f -> Format.date(f.dueDate())).setHeader(Format.text("program.due")).setAutoWidth(true);
            grid.setItems(programFindings);
            grid.setAllRowsVisible(true);
            add(new H3(Format.text("program.findings")), grid);
        }
    }

    private static Span certificate(CertificateService.Certificate c) {
        Span s = new Span(Format.text("program.certificate", c.cycle(), Format.label(c.state()), Format.date(c.expiryDate())));
        s.setId("certificate-state");
        s.getElement().getThemeList().add(switch (c.state()) {
            case VALID, RESTORED -> "badge success";
            case AT_RISK -> "badge";
            default -> "badge error";
        });
        if (c.note() != null) {
            s.setTitle(c.note());
        }
        return s;
    }

    private void openReschedule(Milestone m) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Format.text("program.moveTitle", Format.label(m.getType()), m.getCycle()));
        DatePicker date = new DatePicker(Format.text("program.newDate"), m.getPlannedDate());
        date.setId("reschedule-date");
        Format.pickers(date);
        TextField reason = new TextField(Format.text("program.reason"));
        reason.setId("reschedule-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Div preview = new Div();
        preview.setId("reschedule-preview");
        preview.addClassName("reschedule-preview");
        Button save = new Button(Format.text("program.move"), e -> {
            try {
                var result = lifecycles.rescheduleMilestone(program.id(), m.getType(), m.getCycle(), date.getValue(),
                        reason.getValue());
                dialog.close();
                Notifications.success(result.changes().size() == 1 ? Format.text("program.moved")
                        : Format.text("program.movedWith", result.changes().size() - 1));
                render();
            } catch (ValidationException ex) {
                date.setInvalid(true);
                date.setErrorMessage(Format.service(ex.errors().get(0).message()));
            } catch (ConflictException ex) {
                date.setInvalid(true);
                date.setErrorMessage(Format.service(ex.getMessage()));
            }
        });
        save.setId("reschedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        date.addValueChangeListener(e -> {
            preview.removeAll();
            date.setInvalid(false);
            save.setEnabled(false);
            if (e.getValue() == null) {
                return;
            }
            try {
                var result = lifecycles.previewReschedule(program.id(), m.getType(), m.getCycle(), e.getValue(), reason.getValue());
                preview.add(new Paragraph(result.changes().size() == 1 ? Format.text("program.onlyThis")
                        : Format.text("program.together", result.changes().size())));
                Grid<Planner.Change> changes = new Grid<>();
                changes.setId("reschedule-changes");
                changes.addColumn(c -> Format.label(c.type()) + (c.cycle() > 1 ? " (" + Format.text("program.cycle") + " " + c.cycle() + ")" : ""))
                        .setHeader(Format.text("program.milestone")).setFlexGrow(1);
                changes.addColumn(c -> Format.date(c.from())).setHeader(Format.text("program.now")).setAutoWidth(true);
                changes.addColumn(c -> Format.date(c.to())).setHeader(Format.text("program.movesTo")).setAutoWidth(true);
                changes.setItems(result.changes());
                changes.setAllRowsVisible(true);
                preview.add(changes);
                save.setEnabled(true);
            } catch (ValidationException ex) {
                date.setInvalid(true);
                date.setErrorMessage(Format.service(ex.errors().get(0).message()));
            }
        });
        VerticalLayout body = new VerticalLayout(date, reason, preview);
        body.setPadding(false);
        body.setWidth("min(36em, 90vw)");
        dialog.add(body);
        dialog.getFooter().add(new Button(Format.text("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The "Move" button of a milestone that may be moved; nothing for one that may not. */
    static final String MOVE_TEMPLATE = "${item.movable ? html`<vaadin-button theme=\"tertiary small\" @click=\"${move}\">"
            + "${item.moveText}</vaadin-button>` : ''}";

    /** Links of other features in a milestone's row ({@link MilestoneAction.Link}); the same markup the anchors had. */
    static final String ACTIONS_TEMPLATE = "<div>${item.links.map(l => html`<a id=\"${l.id}\" href=\"${l.href}\""
            + " class=\"${l.className}\" title=\"${l.title}\">${l.text}</a>`)}</div>";

    private static void fact(StringBuilder html, String label, String value) {
        html.append("<div class=\"fact\"><span class=\"fact-label\">").append(escape(label))
                .append("</span><span class=\"fact-value\">").append(escape(value == null ? "—" : value)).append("</span></div>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
