package io.auditflow.engagement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.auditflow.common.ValidationException;
import io.auditflow.engagement.AuditRequest;
import io.auditflow.engagement.AuditorAccess;
import io.auditflow.engagement.BinderService;
import io.auditflow.engagement.Engagement;
import io.auditflow.engagement.EngagementService;
import io.auditflow.engagement.ImportResult;
import io.auditflow.engagement.Progress;
import io.auditflow.engagement.RequestService;
import io.auditflow.engagement.RequestStatus;
import io.auditflow.engagement.Sample;
import io.auditflow.engagement.SampleService;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import io.auditflow.security.Roles;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** One engagement: progress, invited auditors, the request list with import, samples and the binder. */
@Route("engagements/:id")
@PageTitle("Engagement")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER, Roles.AUDITOR})
class EngagementView extends VerticalLayout implements BeforeEnterObserver {

    private final EngagementService engagements;
    private final RequestService requests;
    private final SampleService samples;
    private final BinderService binder;
    private final UserService users;
    private final io.auditflow.engagement.PeriodActivities periodActivities;
    final Div activitiesBox = new Div();
    final Grid<AuditRequest> grid = new Grid<>(AuditRequest.class, false);
    final Select<RequestStatus> statusFilter = new Select<>();
    final Div importErrors = new Div();
    final Div progressBox = new Div();
    final Grid<AuditorAccess> auditorGrid = new Grid<>(AuditorAccess.class, false);
    private Engagement engagement;

    EngagementView(EngagementService engagements, RequestService requests, SampleService samples, BinderService binder,
                   UserService users, io.auditflow.engagement.PeriodActivities periodActivities) {
        this.periodActivities = periodActivities;
        this.engagements = engagements;
        this.requests = requests;
        this.samples = samples;
        this.binder = binder;
        this.users = users;
        addClassName("engagement-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("id").orElse(null);
        try {
            engagement = engagements.get(id);
        } catch (io.auditflow.common.NotFoundException e) {
            throw new NotFoundException();
        }
        render();
    }

    private void render() {
        removeAll();
        H2 title = new H2();
        io.auditflow.ui.WholeDates.add(title, engagement.name()); // "2027-10-31" never breaks at a hyphen
        title.setId("engagement-title");
        add(new Anchor("engagements", Format.text("engagementPage.back")), title);
        Div facts = new Div();
        facts.addClassName("facts");
        facts.add(fact(Format.text("engagementPage.program"), engagement.programName()),
                fact(Format.text("engagementPage.period"), Format.period(engagement.periodStart(), engagement.periodEnd())),
                fact(Format.text("engagementPage.fieldwork"), engagement.fieldworkStart() == null
                        ? Format.text("engagementPage.notSet")
                        : Format.period(engagement.fieldworkStart(), engagement.fieldworkEnd())));
        if (engagement.auditFirm() != null) {
            facts.add(fact(Format.text("engagementPage.firm"), engagement.auditFirm()));
        }
        if (engagement.leadAuditor() != null) {
            facts.add(fact(Format.text("engagementPage.lead"), engagement.leadAuditor()));
        }
        engagements.accessEndsOn(engagement).ifPresent(d -> facts.add(fact(Format.text("engagementPage.accessEnds"), Format.date(d))));
        add(facts);

        progressBox.setId("engagement-progress");
        progressBox.addClassName("engagement-progress");
        add(progressBox);
        refreshProgress();

        if (CurrentUser.canManage()) {
            add(new H3(Format.text("engagementPage.auditors")));
            auditorSection();
        }

        add(new H3(Format.text("engagementPage.requests")));
        HorizontalLayout tools = new HorizontalLayout();
        tools.setWrap(true);
        tools.setAlignItems(Alignment.BASELINE);
        statusFilter.setId("status-filter");
        statusFilter.setLabel(Format.text("engagementPage.status"));
        statusFilter.setItems(RequestStatus.values());
        statusFilter.setItemLabelGenerator(s -> s == null ? Format.text("engagementPage.all") : Format.label(s));
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(Format.text("engagementPage.all"));
        statusFilter.addValueChangeListener(e -> refreshRequests());
        tools.add(statusFilter);
        boolean writer = CurrentUser.canManage() || CurrentUser.hasRole(Role.AUDITOR);
        if (writer) {
            Button sample = new Button(Format.text("engagementPage.drawSample"), e -> openSample());
            sample.setId("draw-sample");
            tools.add(sample);
            Anchor download = new Anchor(DownloadHandler.fromInputStream(ev -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                binder.export(engagement.id(), out);
                return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), binder.fileName(engagement.id()),
                        "application/zip", out.size());
            }), Format.text("engagementPage.binder"));
            download.setId("binder-download");
            download.setDownload(true);
            tools.add(download);
        }
        add(tools);
        if (writer) {
            Upload upload = new Upload();
            io.auditflow.ui.UploadTexts.apply(upload);
            upload.setId("request-import");
            upload.setMaxFiles(1);
            upload.setMaxFileSize((int) engagements.settings().maxImportSize().toBytes());
            upload.setAcceptedFileTypes(".csv", "text/csv");
            upload.setDropLabel(new Span(Format.text("engagementPage.importLabel")));
            upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> importCsv(bytes)));
            upload.addFileRejectedListener(e -> showImportErrors(List.of(e.getErrorMessage())));
            add(upload);
            JointImportPanel jointImport = JointImportPanel.forEngagement(engagement, () -> {
                refreshRequests();
                refreshProgress();
            });
            if (jointImport != null) {
                add(jointImport);
            }
        }
        importErrors.setId("import-errors");
        importErrors.addClassName("form-error");
        importErrors.setVisible(false);
        add(importErrors);

        grid.removeAllColumns();
        grid.setId("request-grid");
        grid.addColumn(AuditRequest::reference).setHeader(Format.text("engagementPage.column.ref")).setAutoWidth(true).setFlexGrow(0).setKey("reference");
        grid.addColumn(AuditRequest::text).setHeader(Format.text("engagementPage.column.request")).setWidth("16em").setFlexGrow(3).setKey("text");
        grid.addColumn(r -> r.criteria() == null ? "" : r.criteria()).setHeader(Format.text("engagementPage.column.criteria")).setWidth("9em").setFlexGrow(0).setKey("criteria");
        grid.addComponentColumn(r -> {
            Span due = new Span(r.dueDate() == null ? "" : dueText(r.dueDate(), r.overdue()));
            if (r.overdue()) {
                due.addClassName("overdue");
            }
            return due;
        }).setHeader(Format.text("engagementPage.column.due")).setAutoWidth(true).setFlexGrow(0).setKey("due");
        // people read the team's name ("Governance, Risk & Compliance"), not its code ("grc")
        java.util.Map<String, String> teamNames = users.listTeams().stream().collect(java.util.stream.Collectors.toMap(
                t -> t.code().toLowerCase(java.util.Locale.ROOT), io.auditflow.identity.TeamSummary::name, (a, b) -> a));
        grid.addColumn(r -> r.teamCode() == null ? "" : teamNames.getOrDefault(r.teamCode().toLowerCase(java.util.Locale.ROOT), r.teamCode()))
                .setHeader(Format.text("engagementPage.column.team")).setWidth("11em").setFlexGrow(1).setKey("team");
        grid.addComponentColumn(r -> statusBadge(r.status())).setHeader(Format.text("engagementPage.column.status")).setAutoWidth(true).setFlexGrow(0).setKey("status");
        // Reference, due date and status as wide as their words; criteria and team wrap in a fixed width (a team's
        // whole name on one line took the room before); the request's own words get most of the rest
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("engagements/requests/" + e.getItem().id())));
        grid.setAllRowsVisible(true);
        add(grid);
        refreshRequests();

        add(new H3(getTranslation("engagement.activities.title")));
        activitiesBox.setId("period-activities");
        activitiesBox.addClassName("period-activities");
        add(activitiesBox);
        refreshActivities();
    }

    /** Expected versus done for the audited period: one card per recurring control activity. */
    void refreshActivities() {
        activitiesBox.removeAll();
        List<io.auditflow.engagement.PeriodActivity> list = periodActivities.of(engagement.id());
        if (list.isEmpty()) {
            activitiesBox.add(new Span(getTranslation("engagement.activities.none")));
            return;
        }
        for (io.auditflow.engagement.PeriodActivity a : list) {
            Div card = new Div();
            card.addClassName("period-activity");
            Span name = new Span(a.activityName());
            name.addClassName("period-activity-name");
            Span freq = new Span(getTranslation("engagement.frequency." + a.frequency()));
            freq.getElement().getThemeList().add("badge contrast");
            Div head = new Div(name, freq);
            head.addClassName("period-activity-head");
            Span summary = new Span(getTranslation("engagement.activities.summary", a.expected(), a.done(), a.overdue(),
                    a.missed()));
            summary.addClassName("period-activity-summary");
            if (a.overdue() + a.missed() > 0) {
                summary.addClassName("overdue");
            }
            com.vaadin.flow.component.html.UnorderedList dates = new com.vaadin.flow.component.html.UnorderedList();
            dates.addClassName("period-activity-dates");
            for (io.auditflow.engagement.PeriodActivity.Occurrence o : a.occurrences()) {
                Span state = new Span(Format.label(o.state()));
                state.getElement().getThemeList().add(switch (o.state()) {
                    case DONE -> "badge success";
                    case OVERDUE, MISSED -> "badge error";
                    default -> "badge contrast";
                });
                String when = getTranslation("engagement.activities.due", Format.date(o.dueOn()),
                        Format.date(o.opensOn()))
                        + (o.doneOn() == null ? "" : " · " + getTranslation("engagement.activities.doneOn",
                        Format.date(o.doneOn())));
                dates.add(new com.vaadin.flow.component.html.ListItem(new Span(when + " "), state));
            }
            card.add(head, summary, dates);
            activitiesBox.add(card);
        }
    }

    static Span statusBadge(RequestStatus status) {
        Span badge = new Span(Format.label(status));
        badge.getElement().getThemeList().add(switch (status) {
            case ACCEPTED -> "badge success";
            case NEEDS_REVISION -> "badge error";
            case SUBMITTED -> "badge";
            default -> "badge contrast";
        });
        badge.addClassName("request-status");
        return badge;
    }

    void refreshRequests() {
        grid.setItems(requests.list(engagement.id(), statusFilter.getValue()));
    }

    void refreshProgress() {
        progressBox.removeAll();
        Progress p = requests.progress(engagement.id());
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        for (RequestStatus s : RequestStatus.values()) {
            Span badge = statusBadge(s);
            badge.setText(Format.text("engagementPage.progress.status", Format.label(s), p.byStatus().get(s)));
            row.add(badge);
        }
        Span overdue = new Span(Format.text("engagementPage.progress.overdue", p.overdue()));
        overdue.getElement().getThemeList().add(p.overdue() > 0 ? "badge error primary" : "badge contrast");
        row.add(overdue);
        if (p.daysToFieldworkEnd() != null) {
            Span days = new Span(p.daysToFieldworkEnd() >= 0
                    ? Format.text("engagementPage.progress.daysLeft", p.daysToFieldworkEnd())
                    : Format.text("engagementPage.progress.ended", -p.daysToFieldworkEnd()));
            days.getElement().getThemeList().add("badge");
            row.add(days);
        }
        progressBox.add(row);
    }

    void importCsv(byte[] bytes) {
        try {
            ImportResult r = requests.importCsv(engagement.id(), bytes);
            importErrors.setVisible(false);
            Notifications.success(imported(r));
            refreshRequests();
            refreshProgress();
        } catch (ValidationException e) {
            showImportErrors(e.errors().stream().map(Format::error).toList());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            showImportErrors(List.of(Format.service(e.getMessage())));
        }
    }

    private void showImportErrors(List<String> messages) {
        importErrors.removeAll();
        importErrors.add(new Span(Format.text("engagementPage.nothingImported")));
        for (String m : messages) {
            importErrors.add(new Div(m));
        }
        importErrors.setVisible(true);
        Notifications.error(Format.text("engagementPage.problems", messages.size()));
    }

    private void auditorSection() {
        auditorGrid.removeAllColumns();
        auditorGrid.setId("auditor-grid");
        auditorGrid.addColumn(AuditorAccess::displayName).setHeader(Format.text("engagementPage.auditor.name")).setFlexGrow(2);
        auditorGrid.addColumn(a -> Format.dateTime(a.invitedAt())).setHeader(Format.text("engagementPage.auditor.invited")).setAutoWidth(true);
        auditorGrid.addColumn(a -> Format.text(a.revokedAt() != null ? "engagementPage.auditor.revoked"
                        : a.active() ? "engagementPage.auditor.active" : "engagementPage.auditor.ended"))
                .setHeader(Format.text("engagementPage.auditor.access")).setAutoWidth(true);
        auditorGrid.addComponentColumn(a -> {
            Button revoke = new Button(Format.text("engagementPage.auditor.revoke"), e -> {
                engagements.revoke(engagement.id(), a.username());
                Notifications.success(Format.text("engagementPage.auditor.revokedDone", a.displayName()));
                auditorGrid.setItems(engagements.auditors(engagement.id()));
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            revoke.setVisible(a.revokedAt() == null);
            return revoke;
        }).setAutoWidth(true);
        auditorGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        auditorGrid.setAllRowsVisible(true);
        auditorGrid.setItems(engagements.auditors(engagement.id()));
        ComboBox<UserSummary> who = new ComboBox<>(Format.text("engagementPage.auditor.invite"));
        who.setId("invite-auditor");
        who.setItems(users.usersWithRole(Role.AUDITOR));
        who.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        Button invite = new Button(Format.text("engagementPage.auditor.inviteButton"), e -> {
            try {
                engagements.invite(engagement.id(), who.getValue() == null ? null : who.getValue().username());
                who.setInvalid(false);
                Notifications.success(Format.text("engagementPage.auditor.invitedDone", who.getValue().displayName()));
                who.clear();
                auditorGrid.setItems(engagements.auditors(engagement.id()));
            } catch (ValidationException ex) {
                who.setErrorMessage(Format.errors(ex));
                who.setInvalid(true);
            }
        });
        invite.setId("invite-button");
        HorizontalLayout row = new HorizontalLayout(who, invite);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        add(row, auditorGrid);
    }

    Dialog openSample() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(Format.text("engagementPage.drawSample"));
        dialog.setId("sample-dialog");
        ComboBox<SampleService.Population> activity = new ComboBox<>(Format.text("engagementPage.sample.activity"));
        activity.setId("sample-activity");
        activity.setItems(samples.populations(engagement.id()));
        activity.setItemLabelGenerator(p -> Format.text("engagementPage.sample.population", p.activityName(), p.population(),
                Format.text("engagement.frequency." + p.frequency())));
        IntegerField size = new IntegerField(Format.text("engagementPage.sample.size"));
        size.setId("sample-size");
        size.setHelperText(Format.text("engagementPage.sample.sizeHelp"));
        activity.addValueChangeListener(e -> size.setPlaceholder(e.getValue() == null ? "" : String.valueOf(e.getValue().defaultSize())));
        TextField seed = new TextField(Format.text("engagementPage.sample.seed"));
        seed.setId("sample-seed");
        seed.setHelperText(Format.text("engagementPage.sample.seedHelp"));
        dialog.add(new VerticalLayout(activity, size, seed));
        Button draw = new Button(Format.text("engagementPage.sample.draw"), e -> {
            Long seedValue = null;
            if (!seed.getValue().isBlank()) {
                try {
                    seedValue = Long.valueOf(seed.getValue().trim());
                    seed.setInvalid(false);
                } catch (NumberFormatException ex) {
                    seed.setErrorMessage(Format.text("engagementPage.sample.wholeNumber"));
                    seed.setInvalid(true);
                    return;
                }
            }
            try {
                Sample s = samples.draw(engagement.id(), activity.getValue() == null ? null : activity.getValue().activityCode(),
                        size.getValue(), seedValue);
                dialog.close();
                Notifications.success(Format.text("engagementPage.sample.done", String.valueOf(s.id()), s.size(), s.population(),
                        String.valueOf(s.seed())));
                refreshRequests();
                refreshProgress();
            } catch (ValidationException ex) {
                String a = Format.error(ex.errorFor("activityCode"));
                activity.setInvalid(a != null);
                activity.setErrorMessage(a);
                String z = Format.error(ex.errorFor("size"));
                size.setInvalid(z != null);
                size.setErrorMessage(z);
            }
        });
        draw.setId("sample-draw");
        draw.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Format.text("common.cancel"), e -> dialog.close()), draw);
        dialog.open();
        return dialog;
    }

    private static Div fact(String label, String value) {
        Div d = new Div();
        d.addClassName("fact");
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value == null ? "" : value);
        v.addClassName("fact-value");
        d.add(l, v);
        return d;
    }
    /** "2026-10-01 · overdue": a request's due date and, when it has passed, the word for it. */
    static String dueText(java.time.LocalDate due, boolean overdue) {
        return overdue ? Format.text("engagementPage.dueOverdue", Format.date(due)) : Format.date(due);
    }

    /** "Imported: 2 new, 0 updated, 0 unchanged". */
    static String imported(ImportResult r) {
        return Format.text("engagementPage.imported", r.created(), r.updated(), r.unchanged());
    }
}
