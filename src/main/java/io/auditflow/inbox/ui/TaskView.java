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
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final InboxService inbox;
    private final io.auditflow.inbox.TaskModel model;
    private final List<TaskPageSection> sections;
    private final ZoneId zone;
    private final java.time.Clock clock;

    final Map<String, HasValue<?, ?>> formFields = new LinkedHashMap<>();
    final Map<String, HasValidation> validated = new HashMap<>();
    final Button complete = new Button("Complete task");
    final Button claim = new Button("Claim");
    final Button unclaim = new Button("Unclaim");
    final ComboBox<String> assignee = new ComboBox<>("Assign to");
    final Button assign = new Button("Assign");
    final DatePicker newDueDate = picker(new DatePicker("New due date"));
    final TextField dueReason = new TextField("Reason");
    final Button moveDue = new Button("Change due date");
    final TextArea comment = new TextArea("Add a comment");
    final Button addComment = new Button("Add comment");

    private String taskId;
    private TaskDetails details;

    TaskView(InboxService inbox, io.auditflow.inbox.TaskModel model,
             org.springframework.beans.factory.ObjectProvider<TaskPageSection> sections,
             io.auditflow.common.AuditflowProperties properties, java.time.Clock clock) {
        this.inbox = inbox;
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
        claim.addClickListener(e -> act(() -> inbox.claim(taskId), "You have the task now"));
        unclaim.setId("unclaim-task");
        unclaim.addClickListener(e -> act(() -> inbox.unclaim(taskId), "Handed back to the team"));
        assign.setId("assign-task");
        assign.addClickListener(e -> act(() -> inbox.assign(taskId, assignee.getValue()), "Assigned"));
        moveDue.setId("move-due-date");
        moveDue.addClickListener(e -> act(() -> inbox.changeDueDate(taskId, newDueDate.getValue(), dueReason.getValue()),
                "Due date changed"));
        addComment.setId("add-comment");
        addComment.addClickListener(e -> act(() -> {
            inbox.comment(taskId, comment.getValue());
            comment.clear();
        }, "Comment added"));
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
        return details == null ? "Task" : details.task().name();
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

        Anchor back = new Anchor("inbox", "← Inbox");
        back.addClassName("back-link");
        H3 title = new H3(task.name());
        title.addClassName("task-title");
        HorizontalLayout header = new HorizontalLayout(title, TaskBadges.due(task));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(back, header);

        Div facts = new Div();
        facts.addClassName("facts");
        facts.add(fact("Program", task.programName() == null ? "—" : task.programName()));
        facts.add(fact("Framework", task.framework() == null ? "—" : io.auditflow.ui.Format.label(task.framework())));
        facts.add(fact("Team", task.candidateGroup() == null ? "—" : task.candidateGroup()));
        facts.add(fact("Assignee", task.assignee() == null ? "Unassigned" : task.assignee()));
        facts.add(fact("Due", task.dueDate() == null ? "No due date" : io.auditflow.ui.Format.date(task.dueDate())));
        if (task.cycle() != null) {
            facts.add(fact("Cycle", String.valueOf(task.cycle())));
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
            Paragraph prepares = new Paragraph(details.preparesDate() == null
                    ? getTranslation("inbox.task.prepares", details.prepares())
                    : getTranslation("inbox.task.preparesOn", details.prepares(), io.auditflow.ui.Format.date(details.preparesDate())));
            if (task.programId() != null) {
                Anchor milestone = new Anchor("programs/" + task.programId(), getTranslation("inbox.task.milestoneLink"));
                milestone.setId("task-milestone-link");
                milestone.addClassName("task-milestone-link");
                prepares.add(new Span(" "), milestone);
            }
            why.add(prepares);
        }
        if (task.controlActivity() != null) {
            why.add(new Paragraph("Control activity: " + task.serves().replaceFirst("^.* · ", "")));
        }
        if (details.program() != null && !details.program().criteria().isEmpty()) {
            why.add(new Paragraph("Trust Services Criteria: " + details.program().criteria().stream().sorted()
                    .map(io.auditflow.ui.Format::label).collect(Collectors.joining(", "))));
        }
        if (details.program() != null && details.program().isoEdition() != null) {
            why.add(new Paragraph("ISO/IEC 27001:" + details.program().isoEdition() + " Annex A controls"));
        }
        if (details.observationWindow() != null) {
            why.add(new Paragraph("Observation window: " + details.observationWindow().start() + " to "
                    + details.observationWindow().end() + ". Evidence dated outside it does not count."));
        }
        if (why.getComponentCount() == 0) {
            why.add(new Paragraph("The process gives no more detail for this task."));
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
            add(section("Who does it"));
            add(ownership(task));
        }
        for (TaskPageSection s : sections) {
            add(s.create(details));
        }
        if (task.open()) {
            add(section("Complete"));
            add(form());
        }
        add(section("Comments and history"));
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
            assignee.setValue(task.assignee());
            assignee.setInvalid(false);
            row.add(assignee, assign);
            newDueDate.setValue(task.dueDate());
            newDueDate.setInvalid(false);
            dueReason.setInvalid(false);
            dueReason.setPlaceholder("Why it moves (kept)");
            row.add(newDueDate, dueReason, moveDue);
        }
        return row;
    }

    private Component form() {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.addClassName("task-form");
        for (FormField f : details.form()) {
            Component field = switch (f.type()) {
                case TEXT -> track(f, new TextField(f.label()));
                case TEXT_AREA -> {
                    TextArea area = new TextArea(f.label());
                    area.setWidthFull();
                    yield track(f, area);
                }
                case DATE -> track(f, picker(new DatePicker(f.label())));
                case PAST_DATE -> {
                    DatePicker day = picker(new DatePicker(f.label()));
                    day.setMax(java.time.LocalDate.now(clock.withZone(zone)));
                    day.setHelperText("Not after today");
                    yield track(f, day);
                }
                case INTEGER -> {
                    TextField number = new TextField(f.label());
                    number.setAllowedCharPattern("[0-9-]");
                    yield track(f, number);
                }
                case CHOICE -> {
                    Select<String> select = new Select<>();
                    select.setLabel(f.label());
                    select.setItems(f.choices().stream().map(FormField.Choice::code).toList());
                    Map<String, String> labels = f.choices().stream()
                            .collect(Collectors.toMap(FormField.Choice::code, FormField.Choice::label));
                    select.setItemLabelGenerator(c -> labels.getOrDefault(c, c));
                    yield track(f, select);
                }
                case BOOLEAN -> {
                    Checkbox box = new Checkbox(f.label());
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
            helper.setHelperText(f.helperText());
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
            Notifications.success("Completed '" + details.task().name() + "'");
            getUI().ifPresent(ui -> ui.navigate("inbox"));
        } catch (ValidationException e) {
            String rest = FieldErrors.show(e, validated);
            Notifications.error(rest.isEmpty() ? "Some fields need attention" : rest);
        } catch (ConflictException | NotFoundException e) {
            Notifications.error(e.getMessage());
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
            Notifications.error(e.getMessage());
            reload();
        } catch (NotFoundException e) {
            Notifications.error(e.getMessage());
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
            list.add(new Span("Nothing yet."));
        }
        for (TaskEvent e : details.history()) {
            Div line = new Div();
            line.addClassName("history-line");
            Span when = new Span(WHEN.format(e.at().atZone(zone)) + "  ");
            when.addClassName("history-when");
            line.add(when, new Span(describe(e)));
            list.add(line);
        }
        return list;
    }

    static String describe(TaskEvent e) {
        return switch (e.kind()) {
            case TaskEvent.CLAIMED -> e.actor() + " claimed the task";
            case TaskEvent.UNCLAIMED -> e.actor() + " handed the task back to the team (was " + e.oldValue() + ")";
            case TaskEvent.ASSIGNED -> e.actor() + " assigned the task to " + (e.newValue() == null ? "the team" : e.newValue())
                    + (e.oldValue() == null ? "" : " (was " + e.oldValue() + ")");
            case TaskEvent.DUE_DATE_CHANGED -> e.actor() + " moved the due date from "
                    + (e.oldValue() == null ? "none" : e.oldValue()) + " to " + e.newValue() + ": " + e.message();
            case TaskEvent.COMPLETED -> e.actor() + " completed the task";
            case TaskEvent.COMMENT -> e.actor() + ": " + e.message();
            default -> e.actor() + " " + e.kind().toLowerCase();
        };
    }

    /** One element that follows the task, in words ("If yes: next task Readiness assessment"). */
    String nextStep(TaskPurpose.NextStep step) {
        String what = switch (step.kind()) {
            case TASK -> step.name() == null ? getTranslation("inbox.task.next.taskUnnamed")
                    : getTranslation("inbox.task.next.task", step.name());
            case AUTOMATIC -> getTranslation("inbox.task.next.automatic", step.name() == null ? "" : step.name());
            case WAIT -> getTranslation("inbox.task.next.wait", step.name() == null ? "" : step.name());
            case END -> step.name() == null ? getTranslation("inbox.task.next.endUnnamed")
                    : getTranslation("inbox.task.next.end", step.name());
        };
        if (step.when() != null) {
            return getTranslation("inbox.task.next.when", step.when(), what);
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
}
