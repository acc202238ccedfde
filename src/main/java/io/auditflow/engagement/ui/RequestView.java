package io.auditflow.engagement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.auditflow.common.ConflictException;
import io.auditflow.common.ValidationException;
import io.auditflow.engagement.AuditRequest;
import io.auditflow.engagement.Engagement;
import io.auditflow.engagement.RequestComment;
import io.auditflow.engagement.RequestService;
import io.auditflow.engagement.RequestStatus;
import io.auditflow.evidence.Evidence;
import io.auditflow.evidence.EvidenceFile;
import io.auditflow.evidence.EvidenceService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import io.auditflow.security.Roles;
import io.auditflow.ui.Format;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** One request: the answer and its evidence, the thread, and for the auditor accept / send back. */
@Route("engagements/requests/:id")
@PageTitle("Audit request")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER, Roles.AUDITOR})
class RequestView extends VerticalLayout implements BeforeEnterObserver {

    private final RequestService requests;
    private final EvidenceService evidence;
    final Grid<Evidence> evidenceGrid = new Grid<>(Evidence.class, false);
    final TextArea decisionComment = new TextArea(Format.text("requestPage.decisionComment"));
    final TextArea comment = new TextArea(Format.text("requestPage.addComment"));
    private AuditRequest request;
    private Engagement engagement;
    private Long replyTo;
    /** On a phone the evidence grid keeps file, date and download; who uploaded and the hash go. */
    private boolean narrow;

    RequestView(RequestService requests, EvidenceService evidence) {
        this.requests = requests;
        this.evidence = evidence;
        addClassName("request-view");
        io.auditflow.ui.ScreenWidth.follow(this, width -> {
            narrow = width < io.auditflow.ui.ScreenWidth.NARROW;
            fitEvidenceGrid();
        });
    }

    private void fitEvidenceGrid() {
        for (String key : List.of("by", "sha")) {
            Grid.Column<Evidence> column = evidenceGrid.getColumnByKey(key);
            if (column != null) {
                column.setVisible(!narrow);
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("id").orElse(null);
        try {
            request = requests.get(id);
            engagement = requests.engagementOf(id);
        } catch (io.auditflow.common.NotFoundException e) {
            throw new NotFoundException();
        }
        render();
    }

    private void render() {
        removeAll();
        add(new Anchor("engagements/" + engagement.id(), "← " + engagement.name()));
        H2 title = new H2(request.reference());
        title.setId("request-title");
        HorizontalLayout header = new HorizontalLayout(title, EngagementView.statusBadge(request.status()));
        header.setAlignItems(Alignment.CENTER);
        header.setId("request-header");
        add(header);
        Paragraph text = new Paragraph(request.text());
        text.setId("request-text");
        add(text);
        Div facts = new Div();
        facts.addClassName("facts");
        facts.add(fact(Format.text("requestPage.criteria"), request.criteria() == null ? "—" : request.criteria()),
                fact(Format.text("requestPage.due"), request.dueDate() == null ? "—"
                        : EngagementView.dueText(request.dueDate(), request.overdue())),
                fact(Format.text("requestPage.team"), request.teamCode()),
                fact(Format.text("requestPage.period"), Format.period(engagement.periodStart(), engagement.periodEnd())));
        if (request.submittedBy() != null) {
            facts.add(fact(Format.text("requestPage.submitted"), requests.displayName(request.submittedBy()) + " · " + day(request.submittedAt())));
        }
        if (request.decidedBy() != null) {
            facts.add(fact(Format.text(request.status() == RequestStatus.ACCEPTED ? "requestPage.accepted" : "requestPage.lastDecision"),
                    requests.displayName(request.decidedBy()) + " · " + day(request.decidedAt())));
        }
        add(facts);
        if (request.answer() != null) {
            add(new H3(Format.text("requestPage.answer")));
            Paragraph answer = new Paragraph(request.answer());
            answer.setId("request-answer");
            add(answer);
        }

        boolean team = CurrentUser.canManage() || CurrentUser.hasRole(Role.COMPLIANCE_MEMBER);
        if (team && request.currentTaskId() != null) {
            Anchor work = new Anchor("inbox/task/" + request.currentTaskId(), Format.text("requestPage.answerInInbox"));
            work.setId("answer-in-inbox");
            add(work);
        }

        add(new H3(Format.text("requestPage.evidence")));
        evidenceGrid.removeAllColumns();
        evidenceGrid.setId("request-evidence");
        evidenceGrid.addColumn(Evidence::fileName).setHeader(Format.text("requestPage.column.file")).setFlexGrow(2).setKey("file");
        evidenceGrid.addComponentColumn(e -> {
            // The date never breaks inside; the warning after it may wrap on a phone.
            Span day = new Span(Format.date(e.evidenceDate()));
            day.getStyle().set("white-space", "nowrap");
            Span s = new Span(day);
            if (Boolean.TRUE.equals(e.outsideWindow())) {
                s.add(new com.vaadin.flow.component.Text(" · " + Format.text("requestPage.outsidePeriod")));
            }
            if (Boolean.TRUE.equals(e.outsideWindow())) {
                s.addClassName("evidence-outside");
            }
            return s;
        }).setHeader(Format.text("requestPage.column.dated")).setWidth("8em").setFlexGrow(1).setKey("dated");
        evidenceGrid.addColumn(Evidence::uploadedBy).setHeader(Format.text("requestPage.column.by")).setAutoWidth(true).setKey("by");
        evidenceGrid.addColumn(e -> e.sha256().substring(0, 12) + "…").setHeader(Format.text("requestPage.column.sha")).setAutoWidth(true).setKey("sha");
        evidenceGrid.addComponentColumn(this::download).setAutoWidth(true);
        fitEvidenceGrid();
        evidenceGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        evidenceGrid.setAllRowsVisible(true);
        List<Evidence> items = requests.evidenceOf(request.id());
        evidenceGrid.setItems(items);
        add(items.isEmpty() ? new Paragraph(Format.text("requestPage.noEvidence")) : evidenceGrid);
        if (team && request.status() != RequestStatus.ACCEPTED && request.status() != RequestStatus.SUBMITTED) {
            linkEvidence(items);
        }

        if (CurrentUser.hasRole(Role.AUDITOR) && request.status() == RequestStatus.SUBMITTED) {
            add(new H3(Format.text("requestPage.review")));
            decisionComment.setId("decision-comment");
            decisionComment.setWidthFull();
            decisionComment.setMaxLength(RequestService.MAX_COMMENT);
            decisionComment.setHelperText(Format.text("requestPage.decisionHelp"));
            Button accept = new Button(Format.text("requestPage.accept"), e -> decide(true));
            accept.setId("accept-request");
            accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
            Button back = new Button(Format.text("requestPage.sendBack"), e -> decide(false));
            back.setId("send-back");
            back.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(decisionComment, new HorizontalLayout(accept, back));
        }

        add(new H3(Format.text("requestPage.thread")));
        Div thread = new Div();
        thread.setId("request-thread");
        thread.addClassName("request-thread");
        List<RequestComment> comments = requests.comments(request.id());
        for (RequestComment c : comments) {
            if (c.parentId() == null) {
                addComment(thread, c, comments, 0);
            }
        }
        if (comments.isEmpty()) {
            thread.add(new Paragraph(Format.text("requestPage.noComments")));
        }
        add(thread);
        comment.setId("thread-comment");
        comment.setWidthFull();
        comment.setMaxLength(RequestService.MAX_COMMENT);
        Button post = new Button(Format.text("requestPage.post"), e -> post());
        post.setId("post-comment");
        add(comment, post);
    }

    private void addComment(Div thread, RequestComment c, List<RequestComment> all, int depth) {
        Div box = new Div();
        box.addClassName("thread-comment");
        box.addClassName(c.fromAuditor() ? "from-auditor" : "from-team");
        box.getStyle().set("margin-left", Math.min(depth, 4) * 1.5 + "em");
        Span who = new Span(requests.displayName(c.author()) + " " + Format.text(c.fromAuditor() ? "requestPage.fromAuditor" : "requestPage.fromTeam")
                + " · " + Format.dateTime(c.createdAt()));
        who.addClassName("thread-meta");
        Button reply = new Button(Format.text("requestPage.reply"), e -> {
            replyTo = c.id();
            comment.setLabel(Format.text("requestPage.replyTo", requests.displayName(c.author())));
            comment.focus();
        });
        reply.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        box.add(who, new Paragraph(c.body()), reply);
        thread.add(box);
        for (RequestComment child : all) {
            if (c.id().equals(child.parentId())) {
                addComment(thread, child, all, depth + 1);
            }
        }
    }

    private void linkEvidence(List<Evidence> current) {
        ComboBox<Evidence> existing = new ComboBox<>(Format.text("requestPage.linkLabel"));
        existing.setId("link-evidence");
        try {
            existing.setItems(evidence.ofProgram(engagement.programId()).stream()
                    .filter(e -> current.stream().noneMatch(c -> c.id().equals(e.id()))).toList());
        } catch (io.auditflow.common.NotFoundException e) {
            return;
        }
        existing.setItemLabelGenerator(e -> e.fileName() + " · " + Format.date(e.evidenceDate()) + " · " + e.taskName());
        existing.setWidth("min(100%, 36em)");
        Button link = new Button(Format.text("requestPage.link"), e -> {
            if (existing.getValue() == null) {
                existing.setErrorMessage(Format.text("requestPage.chooseFile"));
                existing.setInvalid(true);
                return;
            }
            try {
                requests.linkEvidence(request.id(), existing.getValue().id());
                Notifications.success(Format.text("requestPage.linked", existing.getValue().fileName()));
                reload();
            } catch (ConflictException | io.auditflow.common.NotFoundException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        link.setId("link-evidence-button");
        HorizontalLayout row = new HorizontalLayout(existing, link);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        add(row);
    }

    void decide(boolean accept) {
        try {
            requests.decide(request.id(), accept, decisionComment.getValue(), request.version());
            Notifications.success(Format.text(accept ? "requestPage.acceptedDone" : "requestPage.sentBackDone", request.reference()));
            reload();
        } catch (ValidationException e) {
            decisionComment.setErrorMessage(Format.errorsFor(e, "comment"));
            decisionComment.setInvalid(true);
        } catch (ConflictException e) {
            Notifications.error(e.getMessage());
            reload();
        }
    }

    void post() {
        try {
            requests.comment(request.id(), replyTo, comment.getValue());
            replyTo = null;
            Notifications.success(Format.text("requestPage.posted"));
            reload();
        } catch (ValidationException e) {
            comment.setErrorMessage(e.errors().get(0).message());
            comment.setInvalid(true);
        }
    }

    private void reload() {
        request = requests.get(request.id());
        comment.clear();
        comment.setInvalid(false);
        decisionComment.clear();
        decisionComment.setInvalid(false);
        render();
    }

    private Anchor download(Evidence e) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            EvidenceFile file = evidence.download(e.id());
            return new DownloadResponse(file.open(), e.fileName(), e.contentType(), e.size());
        }), Format.text("requestPage.download"));
        link.setDownload(true);
        return link;
    }

    private static String day(java.time.Instant i) {
        return i == null ? "" : Format.date(i.atZone(Format.zone()).toLocalDate());
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
}
