package io.auditflow.inbox.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.inbox.TaskDetails;
import io.auditflow.inbox.TaskWords;
import io.auditflow.inbox.TaskEvent;
import io.auditflow.inbox.TaskPurpose;
import io.auditflow.lifecycle.FormField;
import io.auditflow.program.TrustCategory;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import io.auditflow.ui.FieldErrors;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One task: what to do and why (program, the audit step it prepares, criteria and control), the
 * completion form of its kind, comments and history, and the sections other features add.
 */
@Route("inbox/task/:taskId")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER})
class TaskView extends VerticalLayout implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {


    private final InboxService inbox;
    private final io.auditflow.inbox.TaskModel model;
    private final List<TaskPageSection> sections;
    private final ZoneId zone;
    private final java.time.Clock clock;

    final Map<String, HasValue<?, ?>> formFields = new LinkedHashMap<>();
    final Map<String, HasValidation> validated = new HashMap<>();
    final Button complete = new Button(io.auditflow.ui.Format.text("taskPage.complete"));
    final Button claim = new Button(io.auditflow.ui.Format.text("taskPage.claim"));
    final Button unclaim = new Button(io.auditflow.ui.Format.text("taskPage.unclaim"));
    final ComboBox<String> assignee = new ComboBox<>(io.auditflow.ui.Format.text("taskPage.assignTo"));
    final Button assign = new Button(io.auditflow.ui.Format.text("taskPage.assign"));
    final DatePicker newDueDate = picker(new DatePicker(io.auditflow.ui.Format.text("taskPage.newDueDate")));
    final TextField dueReason = new TextField(io.auditflow.ui.Format.text("taskPage.reason"));
    final Button moveDue = new Button(io.auditflow.ui.Format.text("taskPage.moveDue"));
    final TextArea comment = new TextArea(io.auditflow.ui.Format.text("taskPage.comment"));
    final Button addComment = new Button(io.auditflow.ui.Format.text("taskPage.addComment"));

    private String taskId;
    private TaskDetails details;
    private final io.auditflow.identity.Names names;

    TaskView(InboxService inbox, io.auditflow.inbox.TaskModel model,
             org.springframework.beans.factory.ObjectProvider<TaskPageSection> sections,
             io.auditflow.common.AuditflowProperties properties, java.time.Clock clock,
             io.auditflow.identity.Names names) {
        this.inbox = inbox;
        this.names = names;
        this.model = model;
        this.clock = clock;
        this.sections = sections.stream().sorted(Comparator.comparingInt(TaskPageSection::order)).toList();
        this.zone = properties.zone();
        addClassName("task-view");
        setMaxWidth("1100px");
        complete.setId("complete-task");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.addClickListener(e -> complete());
        claim.setId("claim-task");
        claim.addClickListener(e -> act(() -> inbox.claim(taskId), getTranslation("taskPage.claimed")));
        unclaim.setId("unclaim-task");
        unclaim.addClickListener(e -> act(() -> inbox.unclaim(taskId), getTranslation("taskPage.unclaimed")));
        assign.setId("assign-task");
        assign.addClickListener(e -> act(() -> inbox.assign(taskId, assignee.getValue()), getTranslation("taskPage.assigned")));
        moveDue.setId("move-due-date");
        moveDue.addClickListener(e -> act(() -> inbox.changeDueDate(taskId, newDueDate.getValue(), dueReason.getValue()),
                getTranslation("taskPage.dueChanged")));
        addComment.setId("add-comment");
        addComment.addClickListener(e -> act(() -> {
            inbox.comment(taskId, comment.getValue());
            comment.clear();
        }, getTranslation("taskPage.commented")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        try {
            details = inbox.details(taskId);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
            return;
        }
        render();
    }

    /** The header and the browser tab say which task this is, not just "Task". */
    @Override
    public String getPageTitle() {
        return details == null ? getTranslation("title.TaskView") : TaskWords.name(details.task().name(), getLocale());
    }

    private void reload() {
        details = inbox.details(taskId);
        render();
    }

    private void render() {
        removeAll();
        formFields.clear();
        validated.clear();
        InboxTask task = details.task();

        Anchor back = new Anchor("inbox", getTranslation("taskPage.back"));
        back.addClassName("back-link");
        H3 title = new H3(TaskWords.name(task.name(), getLocale()));
        title.addClassName("task-title");
        HorizontalLayout header = new HorizontalLayout(title, TaskBadges.due(task));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(back, header);

        Div facts = new Div();
        facts.addClassName("facts");
        facts.add(fact(getTranslation("taskPage.fact.program"), task.programName() == null ? "—" : task.programName()));
        facts.add(fact(getTranslation("taskPage.fact.framework"), task.framework() == null ? "—" : io.auditflow.ui.Format.label(task.framework())));
        facts.add(fact(getTranslation("taskPage.fact.team"), task.candidateGroup() == null ? "—" : names.team(task.candidateGroup())));
        facts.add(fact(getTranslation("taskPage.fact.assignee"), task.assignee() == null ? getTranslation("taskPage.unassigned") : names.person(task.assignee())));
        facts.add(fact(getTranslation("taskPage.fact.due"), task.dueDate() == null ? getTranslation("taskPage.noDueDate")
                : io.auditflow.ui.Format.date(task.dueDate())));
        if (task.cycle() != null) {
            facts.add(fact(getTranslation("taskPage.fact.cycle"), String.valueOf(task.cycle())));
        }
        add(facts);

        add(section(getTranslation("inbox.task.whatFor")));
        VerticalLayout why = new VerticalLayout();
        why.setPadding(false);
        why.setSpacing(false);
        why.addClassName("task-why");
        why.setId("task-why");
        TaskPurpose purpose = model.purpose(task.id());
        String whatFor = purpose.documentation() != null ? purpose.documentation() : details.description();
        if (whatFor != null && !whatFor.isBlank()) {
            Paragraph doc = new Paragraph(whatFor);
            doc.addClassName("task-purpose");
            doc.setId("task-purpose");
            why.add(doc);
        }
        if (task.programId() != null) {
            Paragraph links = new Paragraph();
            links.addClassName("task-links");
            Anchor programLink = new Anchor("programs/" + task.programId(),
                    task.programName() == null ? getTranslation("inbox.task.program") : task.programName());
            programLink.setId("task-program-link");
            links.add(new Span(getTranslation("inbox.task.programLabel") + " "), programLink);
            why.add(links);
        }
        if (details.prepares() != null) {
            String audit = preparesLabel(task.milestoneType(), details.prepares());
            Paragraph prepares = new Paragraph(details.preparesDate() == null
                    ? getTranslation("inbox.task.prepares", audit)
                    : getTranslation("inbox.task.preparesOn", audit, io.auditflow.ui.Format.date(details.preparesDate())));
            if (task.programId() != null) {
                Anchor milestone = new Anchor("programs/" + task.programId(), getTranslation("inbox.task.milestoneLink"));
                milestone.setId("task-milestone-link");
                milestone.addClassName("task-milestone-link");
                prepares.add(new Span(" "), milestone);
            }
            why.add(prepares);
        }
        if (task.controlActivity() != null) {
            why.add(new Paragraph(getTranslation("taskPage.why.control", TaskWords.serves(task, getLocale()).replaceFirst("^.* · ", ""))));
        }
        if (details.program() != null && !details.program().criteria().isEmpty()) {
            why.add(new Paragraph(getTranslation("taskPage.why.criteria", details.program().criteria().stream().sorted()
                    .map(io.auditflow.ui.Format::label).collect(Collectors.joining(", ")))));
        }
        if (details.program() != null && details.program().isoEdition() != null) {
            why.add(new Paragraph(getTranslation("taskPage.why.iso", details.program().isoEdition())));
        }
        if (details.observationWindow() != null) {
            why.add(new Paragraph(getTranslation("taskPage.why.window", io.auditflow.ui.Format.date(details.observationWindow().start()),
                    io.auditflow.ui.Format.date(details.observationWindow().end()))));
        }
        if (why.getComponentCount() == 0) {
            why.add(new Paragraph(getTranslation("taskPage.why.none")));
        }
        add(why);
        if (task.open() && !purpose.next().isEmpty()) {
            add(section(getTranslation("inbox.task.after")));
            com.vaadin.flow.component.html.UnorderedList after = new com.vaadin.flow.component.html.UnorderedList();
            after.setId("task-after");
            after.addClassName("task-after");
            purpose.next().forEach(step -> after.add(new com.vaadin.flow.component.html.ListItem(nextStep(step))));
            add(after);
        }

        if (task.open()) {
            add(section(getTranslation("taskPage.section.who")));
            add(ownership(task));
        }
        for (TaskPageSection s : sections) {
            add(s.create(details));
        }
        if (task.open()) {
            add(section(getTranslation("taskPage.section.complete")));
            add(form());
        }
        add(section(getTranslation("taskPage.section.history")));
        comment.setWidthFull();
        comment.setMaxLength(InboxService.MAX_COMMENT);
        HorizontalLayout commentRow = new HorizontalLayout(comment, addComment);
        commentRow.setWidthFull();
        commentRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        commentRow.expand(comment);
        if (task.open()) { // the service refuses comments on closed tasks (issue 10); the history stays
            add(commentRow);
        }
        add(history());
    }

    private Component ownership(InboxTask task) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        String me = CurrentUser.username().orElse("");
        claim.setVisible(task.assignee() == null);
        unclaim.setVisible(task.assignee() != null && (task.assignee().equals(me) || CurrentUser.canManage()));
        row.add(claim, unclaim);
        if (CurrentUser.canManage()) {
            assignee.setItems(inbox.possibleAssignees(task.id()));
            assignee.setItemLabelGenerator(names::choice);
            assignee.setValue(task.assignee());
            assignee.setInvalid(false);
            row.add(assignee, assign);
            newDueDate.setValue(task.dueDate());
            newDueDate.setInvalid(false);
            dueReason.setInvalid(false);
            dueReason.setPlaceholder(getTranslation("taskPage.reasonPlaceholder"));
            row.add(newDueDate, dueReason, moveDue);
        }
        return row;
    }

    /** A form's label, choice or helper text (the model's English) in the reader's language, where the bundle has it. */
    private String formWord(String english) {
        return io.auditflow.common.Messages.fromEnglish(english, getLocale(), "form.");
    }

    private Component form() {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.addClassName("task-form");
        for (FormField f : details.form()) {
            Component field = switch (f.type()) {
                case TEXT -> track(f, new TextField(formWord(f.label())));
                case TEXT_AREA -> {
                    TextArea area = new TextArea(formWord(f.label()));
                    area.setWidthFull();
                    yield track(f, area);
                }
                case DATE -> track(f, picker(new DatePicker(formWord(f.label()))));
                case PAST_DATE -> {
                    DatePicker day = picker(new DatePicker(formWord(f.label())));
                    day.setMax(java.time.LocalDate.now(clock.withZone(zone)));
                    day.setHelperText(getTranslation("taskPage.notAfterToday"));
                    yield track(f, day);
                }
                case INTEGER -> {
                    TextField number = new TextField(formWord(f.label()));
                    number.setAllowedCharPattern("[0-9-]");
                    yield track(f, number);
                }
                case CHOICE -> {
                    Select<String> select = new Select<>();
                    select.setLabel(formWord(f.label()));
                    select.setItems(f.choices().stream().map(FormField.Choice::code).toList());
                    Map<String, String> labels = f.choices().stream()
                            .collect(Collectors.toMap(FormField.Choice::code, c -> formWord(c.label())));
                    select.setItemLabelGenerator(c -> labels.getOrDefault(c, c));
                    yield track(f, select);
                }
                case BOOLEAN -> {
                    Checkbox box = new Checkbox(formWord(f.label()));
                    formFields.put(f.name(), box);
                    yield box;
                }
            };
            field.setId("form-" + f.name());
            form.add(field);
        }
        form.add(complete);
        return form;
    }

    private <C extends Component & HasValue<?, ?> & HasValidation> Component track(FormField f, C field) {
        formFields.put(f.name(), field);
        validated.put(f.name(), field);
        if (field instanceof com.vaadin.flow.component.HasHelper helper && f.helperText() != null) {
            helper.setHelperText(formWord(f.helperText()));
        }
        if (field instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setMinWidth("20em");
        }
        field.getElement().setProperty("required", f.required());
        return field;
    }

    Map<String, Object> values() {
        Map<String, Object> raw = new HashMap<>();
        formFields.forEach((name, field) -> {
            Object v = field.getValue();
            if (v != null) {
                raw.put(name, v.toString());
            }
        });
        return raw;
    }

    void complete() {
        try {
            inbox.complete(taskId, values());
            Notifications.success(getTranslation("taskPage.completed", TaskWords.name(details.task().name(), getLocale())));
            getUI().ifPresent(ui -> ui.navigate("inbox"));
        } catch (ValidationException e) {
            String rest = FieldErrors.show(e, validated);
            Notifications.error(rest.isEmpty() ? getTranslation("taskPage.fieldsNeedAttention") : rest);
        } catch (ConflictException | NotFoundException e) {
            Notifications.error(io.auditflow.ui.Format.problem(e));
            getUI().ifPresent(ui -> ui.navigate("inbox"));
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
            reload();
        } catch (ValidationException e) {
            String rest = FieldErrors.show(e, Map.of("assignee", assignee, "dueDate", newDueDate, "reason", dueReason,
                    "comment", comment));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (ConflictException e) {
            Notifications.error(io.auditflow.ui.Format.problem(e));
            reload();
        } catch (NotFoundException e) {
            Notifications.error(io.auditflow.ui.Format.problem(e));
            getUI().ifPresent(ui -> ui.navigate("inbox"));
        }
    }

    private Component history() {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        list.addClassName("task-history");
        list.setId("task-history");
        if (details.history().isEmpty()) {
            list.add(new Span(getTranslation("taskPage.noHistory")));
        }
        for (TaskEvent e : details.history()) {
            Div line = new Div();
            line.addClassName("history-line");
            Span when = new Span(io.auditflow.ui.Format.dateTime(e.at()) + "  ");
            when.addClassName("history-when");
            line.add(when, new Span(describe(e)));
            list.add(line);
        }
        return list;
    }

    /** One line of the task's history; people by their names (identity.Names), not their sign-in names. */
    String describe(TaskEvent e) {
        String actor = names.person(e.actor());
        return switch (e.kind()) {
            case TaskEvent.CLAIMED -> io.auditflow.ui.Format.text("taskPage.event.claimed", actor);
            case TaskEvent.UNCLAIMED -> io.auditflow.ui.Format.text("taskPage.event.unclaimed", actor, names.person(String.valueOf(e.oldValue())));
            case TaskEvent.ASSIGNED -> e.oldValue() == null
                    ? io.auditflow.ui.Format.text("taskPage.event.assigned", actor, assignedTo(e.newValue()))
                    : io.auditflow.ui.Format.text("taskPage.event.reassigned", actor, assignedTo(e.newValue()), names.person(e.oldValue()));
            case TaskEvent.DUE_DATE_CHANGED -> io.auditflow.ui.Format.text("taskPage.event.dueMoved", actor,
                    e.oldValue() == null ? io.auditflow.ui.Format.text("taskPage.event.none") : day(e.oldValue()),
                    day(e.newValue()), String.valueOf(e.message()));
            case TaskEvent.COMPLETED -> io.auditflow.ui.Format.text("taskPage.event.completed", actor);
            case TaskEvent.COMMENT -> actor + ": " + e.message();
            default -> actor + " " + e.kind().toLowerCase();
        };
    }

    private String assignedTo(String user) {
        return user == null ? io.auditflow.ui.Format.text("taskPage.event.theTeam") : names.person(user);
    }

    /** A day kept as ISO text in the history, written the reader's way. */
    private static String day(String iso) {
        try {
            return io.auditflow.ui.Format.date(java.time.LocalDate.parse(iso));
        } catch (RuntimeException notADay) {
            return String.valueOf(iso);
        }
    }

    /** One element that follows the task, in words ("If yes: next task Readiness assessment"). */
    String nextStep(TaskPurpose.NextStep step) {
        java.util.Locale locale = io.auditflow.ui.Format.locale();
        String name = TaskWords.next(step, locale);
        String what = switch (step.kind()) {
            case TASK -> name == null ? getTranslation("inbox.task.next.taskUnnamed")
                    : getTranslation("inbox.task.next.task", name);
            case AUTOMATIC -> getTranslation("inbox.task.next.automatic", name == null ? "" : name);
            case WAIT -> getTranslation("inbox.task.next.wait", name == null ? "" : name);
            case END -> name == null ? getTranslation("inbox.task.next.endUnnamed")
                    : getTranslation("inbox.task.next.end", name);
        };
        if (step.when() != null) {
            return getTranslation("inbox.task.next.when", TaskWords.branch(step, locale), what);
        }
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value);
        v.addClassName("fact-value");
        Div d = new Div(l, v);
        d.addClassName("fact");
        return d;
    }

    private static H4 section(String text) {
        H4 h = new H4(text);
        h.addClassName("task-section");
        return h;
    }

    /** The reader's date pattern in every picker here (ui.Format, decision 0094). */
    private static DatePicker picker(DatePicker picker) {
        io.auditflow.ui.Format.pickers(picker);
        return picker;
    }

    /** The milestone a task prepares, by its label in the reader's language; the service's words for an unknown code. */
    static String preparesLabel(String milestoneType, String fallback) {
        try {
            return milestoneType == null ? fallback
                    : io.auditflow.ui.Format.label(io.auditflow.lifecycle.MilestoneType.valueOf(milestoneType));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
