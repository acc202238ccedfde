package io.auditflow.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import io.auditflow.ui.NotFoundView;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TaskViewTest extends KaribuTest {

    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired MilestoneService milestones;
    @Autowired TestClock clock;

    private TaskView open(Task task, String user, Role role) {
        login(user, role);
        UI.getCurrent().navigate("inbox/task/" + task.getId());
        return _get(TaskView.class);
    }

    @Test
    void the_task_page_says_what_to_do_and_why() {
        Program program = fixture.program("Karibu task page", "grc");
        SystemAuthentication.run(() -> milestones.plan(program.id(), MilestoneType.FIELDWORK_START, 1, clock.today().plusDays(40)));
        Task task = fixture.start(program, clock.today().plusDays(10));

        open(task, "member", Role.COMPLIANCE_MEMBER);

        String text = String.join("\n", _find(Paragraph.class).stream().map(Paragraph::getText).toList());
        assertThat(text).contains("Export the user list")
                .contains("Prepares: Fieldwork starts on " + clock.today().plusDays(40))
                .contains("Control activity: User access review")
                .contains("Trust Services Criteria: Security");
        assertThat(_get(TaskView.class).formFields).containsKeys("outcome", "accountsRemoved", "comment");
    }

    @Test
    void the_facts_name_the_team_and_the_assignee_and_the_picker_offers_people_by_name() {
        Program program = fixture.program("Karibu task names", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        taskService.claim(task.getId(), "member");

        TaskView view = open(task, "manager", Role.COMPLIANCE_MANAGER);

        String facts = String.join("\n", _find(com.vaadin.flow.component.html.Span.class).stream()
                .map(com.vaadin.flow.component.html.Span::getText).toList());
        // demo data: team "grc" is "Governance, Risk & Compliance", user "member" is Milo Member
        assertThat(facts).contains("Governance, Risk & Compliance").contains("Milo Member");
        assertThat(view.assignee.getItemLabelGenerator().apply("member")).isEqualTo("Milo Member (member)");
    }

    @Test
    void missing_required_fields_get_a_message_by_the_field_and_the_task_stays_open() {
        Program program = fixture.program("Karibu form", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        TaskView view = open(task, "member", Role.COMPLIANCE_MEMBER);

        _setValue((TextField) view.formFields.get("accountsRemoved"), "x1");
        _click(view.complete);

        @SuppressWarnings("unchecked")
        Select<String> outcome = (Select<String>) view.formFields.get("outcome");
        assertThat(outcome.isInvalid()).isTrue();
        assertThat(outcome.getErrorMessage()).isEqualTo("Outcome is required");
        assertThat(((TextField) view.formFields.get("accountsRemoved")).getErrorMessage()).isEqualTo("Use a whole number");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("inbox/task/" + task.getId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void completing_with_a_valid_form_returns_to_the_inbox_and_the_process_moves_on() {
        Program program = fixture.program("Karibu complete", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        TaskView view = open(task, "member", Role.COMPLIANCE_MEMBER);

        _setValue((Select<String>) view.formFields.get("outcome"), "OK");
        _click(view.complete);

        assertThat(fixture.currentTask(task.getProcessInstanceId()).getTaskDefinitionKey()).isEqualTo("Task_FileReport");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("inbox");
    }

    @Test
    @SuppressWarnings("unchecked")
    void completing_a_task_someone_else_completed_a_moment_ago_shows_a_message_and_the_refreshed_inbox() {
        Program program = fixture.program("Karibu late", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        TaskView view = open(task, "member", Role.COMPLIANCE_MEMBER);
        // the page is open; now someone else finishes the task
        taskService.claim(task.getId(), "manager");
        taskService.complete(task.getId(), Map.of("outcome", "OK"));

        _setValue((Select<String>) view.formFields.get("outcome"), "ISSUES");
        _click(view.complete);

        NotificationsKt.expectNotifications("'Review user access' was already completed by Maya Manager");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("inbox");
        assertThat(fixture.currentTask(task.getProcessInstanceId()).getTaskDefinitionKey()).isEqualTo("Task_FileReport");
    }

    @Test
    void another_teams_task_reads_as_not_found() {
        Program program = fixture.program("Karibu hidden", fixture.team("closed"));
        Task task = fixture.start(program, clock.today().plusDays(10));

        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().navigate("inbox/task/" + task.getId());

        _get(NotFoundView.class);
        assertThat(_find(TaskView.class)).isEmpty();
    }

    @Test
    void a_due_date_change_without_a_reason_is_refused_by_the_reason_field() {
        Program program = fixture.program("Karibu due", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        TaskView view = open(task, "manager", Role.COMPLIANCE_MANAGER);

        _setValue(view.newDueDate, clock.today().plusDays(30));
        _click(view.moveDue);
        assertThat(view.dueReason.isInvalid()).isTrue();

        _setValue(view.dueReason, "Fieldwork moved by the auditor");
        _click(view.moveDue);
        TaskView reloaded = _get(TaskView.class);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isNotNull();
        assertThat(String.join("\n", _find(com.vaadin.flow.component.html.Span.class).stream()
                .map(com.vaadin.flow.component.html.Span::getText).toList()))
                .contains("Maya Manager moved the due date from " + clock.today().plusDays(10) + " to "
                        + clock.today().plusDays(30) + ": Fieldwork moved by the auditor");
        assertThat(reloaded).isNotNull();
    }

    @Test
    void the_task_page_is_headed_by_the_task_says_what_it_is_for_from_the_model_and_what_comes_after() {
        Program program = fixture.program("Karibu purpose", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));

        TaskView view = open(task, "member", Role.COMPLIANCE_MEMBER);

        assertThat(view.getPageTitle()).isEqualTo("Review user access");
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-purpose")).getText())
                .isEqualTo("Export the user list and confirm every account still needs access.");
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("task-after"))
                .getElement().getTextRecursively()).isEqualTo("Next task: File the access review report");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("task-program-link")).getHref())
                .isEqualTo("programs/" + program.id());
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("task-milestone-link")).getHref())
                .isEqualTo("programs/" + program.id());
    }

    @Test
    void the_date_next_to_the_title_says_it_is_the_due_date_in_the_readers_words() {
        Program program = fixture.program("Karibu due badge", "grc");
        java.time.LocalDate due = clock.today().plusDays(60);
        Task task = fixture.start(program, due);

        open(task, "member", Role.COMPLIANCE_MEMBER);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("due-badge")).getText())
                .isEqualTo("Due " + due);

        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        UI.getCurrent().navigate("inbox");
        UI.getCurrent().navigate("inbox/task/" + task.getId());
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("due-badge")).getText())
                .isEqualTo("Fällig am " + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(due));
    }
}
