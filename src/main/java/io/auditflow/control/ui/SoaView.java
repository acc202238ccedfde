package io.auditflow.control.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.auditflow.common.ConflictException;
import io.auditflow.common.ValidationException;
import io.auditflow.control.Soa;
import io.auditflow.control.SoaExport;
import io.auditflow.control.SoaService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Statement of Applicability of an ISO program: the newest version with its 93 lines. Members
 * edit a draft and submit it; a manager approves or rejects it; the approved version is kept.
 */
@Route("soa/:programId?")
@PageTitle("Statement of Applicability")
@Menu(order = 27, icon = "vaadin:clipboard-check", title = "Statement of Applicability")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER, Roles.EXECUTIVE})
class SoaView extends VerticalLayout implements BeforeEnterObserver {

    final ComboBox<Program> program = new ComboBox<>(Format.text("soa.program"));
    final Span status = new Span();
    final Span summary = new Span();
    final Grid<Soa.Entry> grid = new Grid<>();
    final Button newDraft = new Button(Format.text("soa.newDraft"));
    final Button submit = new Button(Format.text("soa.submit"));
    final Button approve = new Button(Format.text("soa.approve"));
    final Button reject = new Button(Format.text("soa.reject"));
    final HorizontalLayout downloads = new HorizontalLayout();

    private final SoaService soa;
    private final Clock clock;
    private Soa current;

    private final io.auditflow.control.ControlService controls;
    private java.util.Map<String, String> controlNames = java.util.Map.of();

    SoaView(SoaService soa, ProgramService programs, Clock clock, io.auditflow.control.ControlService controls) {
        this.controls = controls;
        this.soa = soa;
        this.clock = clock;
        setSizeFull();
        addClassName("soa-page");
        program.setItems(programs.list(false).stream().filter(p -> p.framework() == Framework.ISO27001).toList());
        program.setItemLabelGenerator(Program::name);
        program.setWidth("min(28em, 100%)");
        program.setId("soa-program");
        program.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate("soa/" + e.getValue().id()));
            }
        });
        newDraft.setId("soa-new-draft");
        submit.setId("soa-submit");
        approve.setId("soa-approve");
        reject.setId("soa-reject");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newDraft.addClickListener(e -> act(() -> soa.startDraft(programId()), Format.text("soa.draftOpened")));
        submit.addClickListener(e -> act(() -> soa.submit(programId(), current.versionNo()), Format.text("soa.submitted")));
        approve.addClickListener(e -> decide(true));
        reject.addClickListener(e -> decide(false));

        status.setId("soa-status");
        // A badge does not wrap by default; on a phone the long status must.
        status.getStyle().set("white-space", "normal").set("max-width", "100%").set("height", "auto");
        grid.setId("soa-grid");
        grid.addColumn(Soa.Entry::controlId).setHeader(Format.text("soa.column.control")).setAutoWidth(true).setFlexGrow(0).setKey("id");
        grid.addColumn(e -> soaTitle(e)).setHeader(Format.text("soa.column.title")).setFlexGrow(3).setKey("title");
        grid.addComponentColumn(e -> e.applicable() ? Badges.of(Format.text("soa.applies"), "success")
                        : Badges.of(Format.text("soa.excluded"), "contrast"))
                .setHeader(Format.text("soa.column.applicable")).setAutoWidth(true).setFlexGrow(0).setKey("applicable");
        grid.addColumn(e -> Format.label(e.implementation())).setHeader(Format.text("soa.column.implementation")).setAutoWidth(true).setKey("implementation");
        grid.addColumn(Soa.Entry::justification).setHeader(Format.text("soa.column.justification")).setFlexGrow(4).setKey("justification");
        // Names for readers; the codes (what auditors and the CSV use) in the tooltip.
        grid.addColumn(e -> e.controls().stream().map(this::controlName).collect(java.util.stream.Collectors.joining(", ")))
                .setTooltipGenerator(e -> String.join(", ", e.controls()))
                .setHeader(Format.text("soa.column.controls")).setFlexGrow(2).setKey("controls");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addItemClickListener(e -> {
            if (current != null && current.status() == Soa.Status.DRAFT && canWork()) {
                edit(e.getItem());
            }
        });
        grid.setSizeFull();
        grid.setEmptyStateText(Format.text("soa.empty"));

        HorizontalLayout actions = new HorizontalLayout(newDraft, submit, approve, reject);
        actions.setWrap(true);
        HorizontalLayout head = new HorizontalLayout(program, status);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        head.setWidthFull();
        downloads.setWrap(true);
        add(new H2(Format.text("soa.heading")), head, summary, actions, downloads, grid);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("programId").flatMap(SoaView::parse);
        if (id.isEmpty()) {
            Optional<Long> only = onlyChoice(program.getListDataView().getItems().toList());
            if (only.isPresent()) {
                event.forwardTo("soa/" + only.get());
                return;
            }
        }
        program.getListDataView().getItems().filter(p -> id.isPresent() && p.id().equals(id.get())).findFirst()
                .ifPresentOrElse(program::setValue, () -> program.clear());
        refresh();
    }

    /** With a single ISO program there is nothing to choose: its statement opens at once. */
    static Optional<Long> onlyChoice(List<Program> isoPrograms) {
        return isoPrograms.size() == 1 ? Optional.of(isoPrograms.get(0).id()) : Optional.empty();
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean canWork() {
        return CurrentUser.canManage() || CurrentUser.hasRole(io.auditflow.security.Role.COMPLIANCE_MEMBER);
    }

    private Long programId() {
        return program.getValue() == null ? null : program.getValue().id();
    }

    /** The Annex A control's title in the reader's language (the SoA is ISO 27001's). */
    private static String soaTitle(Soa.Entry entry) {
        return io.auditflow.control.RequirementWords.title(io.auditflow.control.ControlService.catalogueCode(
                io.auditflow.program.Framework.ISO27001), entry.controlId(), entry.title(), Format.locale());
    }

    private String controlName(String code) {
        return controlNames.getOrDefault(code, code);
    }

    void refresh() {
        controlNames = controls.list(true).stream().collect(java.util.stream.Collectors.toMap(
                io.auditflow.control.Control::code, c -> io.auditflow.control.ControlWords.name(c, Format.locale()), (a, b) -> a));
        current = programId() == null ? null : soa.latest(programId()).orElse(null);
        grid.setItems(current == null ? java.util.List.of() : current.entries());
        boolean work = canWork();
        boolean manage = CurrentUser.canManage();
        Soa.Status s = current == null ? null : current.status();
        newDraft.setVisible(work && programId() != null && (s == null || s == Soa.Status.APPROVED || s == Soa.Status.SUPERSEDED));
        submit.setVisible(work && s == Soa.Status.DRAFT);
        approve.setVisible(manage && s == Soa.Status.PENDING_APPROVAL);
        reject.setVisible(manage && s == Soa.Status.PENDING_APPROVAL);
        downloads.removeAll();
        if (current == null) {
            status.setText(programId() == null ? "" : Format.text("soa.none"));
            summary.setText("");
            return;
        }
        String version = String.valueOf(current.versionNo());
        status.setText(switch (current.status()) {
            case DRAFT -> Format.text(work ? "soa.status.draftEditable" : "soa.status.draft", version);
            case PENDING_APPROVAL -> Format.text("soa.status.pending", version);
            case APPROVED -> Format.text("soa.status.approved", version, current.decidedBy(),
                    Format.date(current.decidedAt().atZone(clock.getZone()).toLocalDate()));
            case SUPERSEDED -> Format.text("soa.status.superseded", version);
        });
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(current.status() == Soa.Status.APPROVED ? "badge success"
                : current.status() == Soa.Status.PENDING_APPROVAL ? "badge" : "badge contrast");
        summary.setText(current.decisionNote() != null && current.status() == Soa.Status.DRAFT
                ? Format.text("soa.summaryNote", current.applicableCount(), current.entries().size(), current.decisionNote())
                : Format.text("soa.summary", current.applicableCount(), current.entries().size()));
        Soa snapshot = current;
        Locale reader = Format.locale();
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] b = SoaExport.csv(snapshot, reader);
            return new DownloadResponse(new ByteArrayInputStream(b), SoaExport.fileName(snapshot, "csv"), "text/csv", b.length);
        }), Format.text("soa.csv"));
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] b = SoaExport.pdf(snapshot, clock.getZone());
            return new DownloadResponse(new ByteArrayInputStream(b), SoaExport.fileName(snapshot, "pdf"), "application/pdf", b.length);
        }), Format.text("soa.pdf"));
        csv.setId("soa-csv");
        pdf.setId("soa-pdf");
        csv.setDownload(true);
        pdf.setDownload(true);
        downloads.add(csv, pdf);
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
        } catch (ValidationException | ConflictException ex) {
            Notifications.error(Format.service(ex.getMessage()));
        }
        refresh();
    }

    private void decide(boolean yes) {
        if (yes) {
            act(() -> soa.decide(programId(), current.versionNo(), new Soa.Decision(true, null)),
                    Format.text("soa.approvedNote"));
            return;
        }
        Dialog d = new Dialog();
        d.setHeaderTitle(Format.text("soa.rejectTitle", String.valueOf(current.versionNo())));
        TextArea note = new TextArea(Format.text("soa.rejectNote"));
        note.setWidthFull();
        note.setMaxLength(1000);
        note.setId("soa-reject-note");
        Button send = new Button(Format.text("soa.reject"), e -> {
            try {
                soa.decide(programId(), current.versionNo(), new Soa.Decision(false, note.getValue()));
                d.close();
                Notifications.success(Format.text("soa.rejected"));
                refresh();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("note", note));
            } catch (ConflictException ex) {
                Notifications.error(Format.service(ex.getMessage()));
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        d.add(note);
        d.getFooter().add(new Button(Format.text("common.cancel"), e -> d.close()), send);
        d.setWidth("min(30em, 96vw)");
        d.open();
    }

    private void edit(Soa.Entry entry) {
        Dialog d = new Dialog();
        d.setHeaderTitle(entry.controlId() + " " + soaTitle(entry));
        d.setWidth("min(36em, 96vw)");
        Checkbox applicable = new Checkbox(Format.text("soa.column.applicable"), entry.applicable());
        applicable.setId("soa-entry-applicable");
        Select<Soa.Implementation> impl = new Select<>();
        impl.setLabel(Format.text("soa.column.implementation"));
        impl.setItems(Soa.Implementation.values());
        impl.setItemLabelGenerator(Format::label);
        impl.setValue(entry.implementation());
        impl.setId("soa-entry-implementation");
        TextArea justification = new TextArea(Format.text("soa.column.justification"));
        justification.setValue(entry.justification());
        justification.setMaxLength(SoaService.MAX_JUSTIFICATION);
        justification.setWidthFull();
        justification.setId("soa-entry-justification");
        applicable.addValueChangeListener(e -> impl.setEnabled(e.getValue()));
        impl.setEnabled(entry.applicable());
        FormLayout form = new FormLayout(applicable, impl, justification);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26em", 2));
        form.setColspan(justification, 2);
        Button save = new Button(Format.text("common.save"), e -> {
            try {
                soa.updateEntry(programId(), current.versionNo(), entry.controlId(),
                        new Soa.EntryRequest(applicable.getValue(), justification.getValue(), impl.getValue()));
                d.close();
                refresh();
            } catch (ValidationException ex) {
                String rest = FieldErrors.show(ex, Map.of("justification", justification, "implementation", impl));
                if (!rest.isEmpty()) {
                    Notifications.error(rest);
                }
            } catch (ConflictException ex) {
                Notifications.error(Format.service(ex.getMessage()));
                d.close();
                refresh();
            }
        });
        save.setId("soa-entry-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(form);
        d.getFooter().add(new Button(Format.text("common.cancel"), e -> d.close()), save);
        d.open();
    }
}
