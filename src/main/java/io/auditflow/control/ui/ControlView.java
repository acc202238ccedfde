package io.auditflow.control.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.control.Catalogue;
import io.auditflow.control.Catalogues;
import io.auditflow.control.Control;
import io.auditflow.control.ControlService;
import io.auditflow.control.EvidenceReuse;
import io.auditflow.identity.UserService;
import io.auditflow.security.CurrentUser;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * One control: the requirements it satisfies in every framework, and for each program it serves
 * whether the evidence of the program's period is complete (one piece of evidence, every program).
 */
@Route("controls/:code")
@PageTitle("Control")
@PermitAll
class ControlView extends VerticalLayout implements BeforeEnterObserver {

    final H2 title = new H2();
    final Span meta = new Span();
    final Div requirements = new Div();
    final Grid<EvidenceReuse.Completeness> evidence = new Grid<>();
    final Grid<Control.Change> history = new Grid<>();
    final Button edit = new Button(Format.text("control.change"));
    final Button retire = new Button(Format.text("control.retire"));
    final Paragraph evidenceNote = new Paragraph();

    private final ControlService controls;
    private final EvidenceReuse reuse;
    private final Catalogues catalogues;
    private final UserService users;
    private Control control;

    ControlView(ControlService controls, EvidenceReuse reuse, Catalogues catalogues, UserService users) {
        this.controls = controls;
        this.reuse = reuse;
        this.catalogues = catalogues;
        this.users = users;
        addClassName("control-page");
        setWidthFull();
        setMaxWidth("80em");
        edit.setId("edit-control");
        retire.setId("retire-control");
        retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
        edit.addClickListener(e -> {
            ControlDialog d = new ControlDialog(controls, catalogues, users, control);
            d.addSavedListener(ev -> show(ev.control().code()));
            d.open();
        });
        retire.addClickListener(e -> confirmRetire());
        HorizontalLayout actions = new HorizontalLayout(edit, retire);
        actions.setVisible(CurrentUser.canManage());

        requirements.addClassName("control-requirements");
        requirements.setWidthFull();

        evidence.setId("evidence-completeness");
        evidence.addColumn(EvidenceReuse.Completeness::programName).setHeader(Format.text("control.column.program")).setFlexGrow(2).setKey("program");
        evidence.addColumn(c -> c.period() == null ? Format.text("control.noPeriodYet")
                        : Format.text("control.period", Format.date(c.period().from()), Format.date(c.period().to())))
                .setHeader(Format.text("control.column.period")).setFlexGrow(2).setKey("period");
        evidence.addColumn(c -> c.period() == null ? "" : Format.text("control.count", c.present(), c.expected()))
                .setHeader(Format.text("control.column.evidence")).setAutoWidth(true).setKey("count");
        evidence.addComponentColumn(c -> c.period() == null ? Badges.of(Format.text("control.noPeriod"), "contrast")
                        : c.complete() ? Badges.of(Format.text("control.complete"), "success")
                        : Badges.of(Format.text("control.missing", c.expected() - c.present()), "error"))
                .setHeader(Format.text("control.column.state")).setAutoWidth(true).setKey("state");
        evidence.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(c -> new Span(c.period() == null ? ""
                : Format.text("control.counted", c.period().words() != null ? Format.phrase(c.period().words()) : c.period().basis(), c.counted().isEmpty() ? Format.text("control.countedNone")
                : String.join(", ", c.counted().stream().map(p -> p.fileName() + " (" + Format.date(p.evidenceDate()) + ")").toList())))));
        evidence.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        evidence.setAllRowsVisible(true);
        evidence.setEmptyStateText(Format.text("control.noProgram"));

        history.addColumn(c -> Format.dateTime(c.changedAt())).setHeader(Format.text("control.column.when")).setAutoWidth(true);
        history.addColumn(Control.Change::changedBy).setHeader(Format.text("control.column.who")).setAutoWidth(true);
        history.addColumn(Control.Change::summary).setHeader(Format.text("control.column.what")).setFlexGrow(3);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.setEmptyStateText(Format.text("control.noChanges"));

        evidenceNote.setText(Format.text("control.evidenceNote"));
        evidenceNote.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        add(new Anchor("controls", Format.text("control.all")), title, meta, actions, new H3(Format.text("control.requirements")),
                requirements, new H3(Format.text("control.evidencePerProgram")), evidenceNote, evidence,
                new H3(Format.text("control.history")), history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        try {
            show(code);
        } catch (NotFoundException e) {
            event.rerouteToError(NotFoundException.class, e.getMessage());
        }
    }

    void show(String code) {
        control = controls.get(code);
        title.setText(io.auditflow.control.ControlWords.name(control, Format.locale()));
        meta.setText(Format.text(control.active() ? "control.meta" : "control.metaRetired", control.code(), control.ownerTeam(),
                Badges.frequency(control.frequencyMonths())));
        edit.setEnabled(control.active());
        retire.setEnabled(control.active());
        requirements.removeAll();
        for (Catalogue c : catalogues.all()) {
            List<String> ids = control.requirementsOf(c.code());
            if (ids.isEmpty()) {
                continue;
            }
            Div block = new Div();
            block.addClassName("requirement-block");
            block.add(new H3(c.name() + " " + c.version()));
            block.getChildren().findFirst().ifPresent(h -> h.getElement().getStyle().set("font-size", "var(--lumo-font-size-m)"));
            for (String id : ids) {
                Div line = new Div(Badges.of(id, null), new Span(" " + ControlDialog.title(catalogues, c.code(), id)));
                line.addClassName("requirement-line");
                block.add(line);
            }
            requirements.add(block);
        }
        if (requirements.getComponentCount() == 0) {
            requirements.add(new Span(Format.text("control.noRequirements")));
        }
        boolean canSeeEvidence = CurrentUser.canManage() || CurrentUser.hasRole(io.auditflow.security.Role.COMPLIANCE_MEMBER);
        evidence.setVisible(canSeeEvidence);
        evidenceNote.setVisible(canSeeEvidence);
        if (canSeeEvidence) {
            List<EvidenceReuse.Completeness> rows = reuse.completeness(code);
            evidence.setItems(rows);
            rows.forEach(r -> evidence.setDetailsVisible(r, r.period() != null));
        }
        history.setItems(controls.history(code));
    }

    private void confirmRetire() {
        TextArea reason = new TextArea(Format.text("control.retireReason"));
        reason.setWidthFull();
        reason.setMaxLength(1000);
        ConfirmDialog d = new ConfirmDialog();
        d.setHeader(Format.text("control.retireTitle", control.name()));
        d.add(new Paragraph(Format.text("control.retireText")), reason);
        d.setCancelable(true);
        d.setCancelText(Format.text("common.cancel"));
        d.setConfirmText(Format.text("control.retire"));
        d.setConfirmButtonTheme("error primary");
        d.setCloseOnEsc(true);
        d.addConfirmListener(e -> {
            try {
                controls.retire(control.code(), reason.getValue());
                Notifications.success(Format.text("control.retired", control.name()));
                show(control.code());
            } catch (ValidationException | ConflictException ex) {
                Notifications.error(Format.service(ex.getMessage()));
            }
        });
        d.open();
    }
}
