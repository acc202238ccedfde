package io.auditflow.inbox;

import static io.auditflow.inbox.InboxFixture.as;
import static io.auditflow.inbox.InboxFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.UserService;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Sorting on the server (remembered per user) and bulk changes that keep every single-task rule. */
@IntegrationTest
class InboxSortAndBulkTest {

    @Autowired InboxService inbox;
    @Autowired InboxPreferences preferences;
    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired UserService users;
    @Autowired TestClock clock;

    private String team;
    private String worker;

    /** A team of its own with one member, so the lists hold exactly this test's tasks. */
    @BeforeEach
    void freshTeam() {
        clock.reset();
        team = fixture.team("srt");
        worker = "w" + team;
        SystemAuthentication.run(() -> users.seedUser(worker, "Worker " + team, null, "demo",
                Set.of(Role.COMPLIANCE_MEMBER), Set.of(team)));
    }

    private List<String> programsInOrder(String sort) {
        return as(worker, Role.COMPLIANCE_MEMBER, () -> inbox.list(TaskFilter.of(TaskListView.TEAM), TaskSort.parse(sort), 0, 50))
                .stream().map(t -> t.programName().split(" ")[1]).toList();
    }

    @Test
    void the_team_list_sorts_by_due_date_program_assignee_and_task_name_on_the_server() {
        Program bravo = fixture.program("Sort Bravo", team);
        Program alpha = fixture.program("Sort Alpha", team);
        Program charlie = fixture.program("Sort Charlie", team);
        Task bravoTask = fixture.start(bravo, clock.today().plusDays(5));
        Task alphaTask = fixture.start(alpha, clock.today().plusDays(9));
        Task charlieTask = fixture.start(charlie, clock.today().plusDays(1));

        assertThat(programsInOrder("due,asc")).containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(programsInOrder("due,desc")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(programsInOrder("program,asc")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(programsInOrder("program,desc")).containsExactly("Charlie", "Bravo", "Alpha");

        run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.claim(alphaTask.getId()));
        taskService.setAssignee(bravoTask.getId(), "manager");
        // manager < w..., and the unassigned task comes last either way
        assertThat(programsInOrder("assignee,asc")).containsExactly("Bravo", "Alpha", "Charlie");
        assertThat(programsInOrder("assignee,desc")).containsExactly("Alpha", "Bravo", "Charlie");

        // Charlie's task moves on to "File the access review report", which sorts before "Review user access".
        run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.complete(charlieTask.getId(), Map.of("outcome", "OK")));
        assertThat(programsInOrder("task,asc")).containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(programsInOrder("task,desc")).containsExactly("Bravo", "Alpha", "Charlie");
    }

    @Test
    void a_sort_outside_the_whitelist_is_refused_with_the_columns_one_may_use() {
        assertThatThrownBy(() -> TaskSort.parse("name_lower; drop table inbox_task"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Tasks can be sorted by due, task, program, assignee");
        assertThatThrownBy(() -> TaskSort.parse("due,sideways")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("asc or desc");
        assertThat(TaskSort.parse("Program,DESC")).isEqualTo(new TaskSort(TaskSort.Field.PROGRAM, false));
        assertThat(TaskSort.parse(" ")).isEqualTo(new TaskSort(TaskSort.Field.DUE, true));
    }

    @Test
    void each_person_gets_back_the_sort_they_chose_last_and_nobody_elses() {
        run(worker, Role.COMPLIANCE_MEMBER, () -> preferences.rememberSort(TaskSort.parse("program,desc")));
        run(worker, Role.COMPLIANCE_MEMBER, () -> preferences.rememberSort(TaskSort.parse("assignee,asc")));

        assertThat(as(worker, Role.COMPLIANCE_MEMBER, preferences::sort).code()).isEqualTo("assignee,asc");
        assertThat(as("w-nobody-" + team, Role.COMPLIANCE_MEMBER, preferences::sort).code()).isEqualTo("due,asc");
    }

    @Test
    void saved_filters_come_back_with_their_values_and_are_the_owners_alone() {
        Program program = fixture.program("Saved", team);
        run(worker, Role.COMPLIANCE_MEMBER, () -> preferences.saveFilter("  Audit week  ",
                new TaskFilter(TaskListView.TEAM, program.id(), null, DueWindow.WEEK, "access", true)));

        List<InboxPreferences.SavedFilter> mine = as(worker, Role.COMPLIANCE_MEMBER, preferences::savedFilters);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).name()).isEqualTo("Audit week");
        assertThat(mine.get(0).filter()).isEqualTo(new TaskFilter(TaskListView.TEAM, program.id(), null, DueWindow.WEEK,
                "access", true));
        assertThat(as("member", Role.COMPLIANCE_MEMBER, preferences::savedFilters))
                .noneMatch(f -> f.name().equals("Audit week") && program.id().equals(f.filter().programId()));
        assertThatThrownBy(() -> run(worker, Role.COMPLIANCE_MEMBER, () -> preferences.saveFilter(" ", TaskFilter.of(TaskListView.MINE))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Give the filter a name");
    }

    @Test
    void the_control_activity_filter_keeps_only_control_activity_tasks() {
        Program program = fixture.program("Controls", team);
        Task control = fixture.start(program, clock.today().plusDays(2));
        Task other = fixture.start(program, clock.today().plusDays(3));
        run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.complete(other.getId(), Map.of("outcome", "OK")));

        List<InboxTask> controls = as(worker, Role.COMPLIANCE_MEMBER, () -> inbox.list(
                new TaskFilter(TaskListView.TEAM, null, null, DueWindow.WEEK, null, true), 0, 50));
        assertThat(controls).extracting(InboxTask::id).containsExactly(control.getId());
    }

    @Test
    void a_bulk_claim_takes_every_free_task_and_names_the_one_someone_else_has() {
        Program program = fixture.program("Bulk claim", team);
        Task first = fixture.start(program, clock.today().plusDays(2));
        Task second = fixture.start(program, clock.today().plusDays(3));
        Task taken = fixture.start(program, clock.today().plusDays(4));
        taskService.setAssignee(taken.getId(), "manager");

        BulkResult result = as(worker, Role.COMPLIANCE_MEMBER, () -> inbox.bulk(BulkAction.CLAIM,
                List.of(first.getId(), second.getId(), taken.getId(), "no-such-task"), null, null, null));

        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.refused()).extracting(BulkResult.Refusal::taskId).containsExactly(taken.getId(), "no-such-task");
        assertThat(result.refused().get(0).reason()).isEqualTo("'Review user access' was claimed by Maya Manager a moment ago");
        assertThat(result.refused().get(1).task()).isNull();
        assertThat(taskService.createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isEqualTo(worker);
        assertThat(taskService.createTaskQuery().taskId(second.getId()).singleResult().getAssignee()).isEqualTo(worker);
        assertThat(taskService.createTaskQuery().taskId(taken.getId()).singleResult().getAssignee()).isEqualTo("manager");
    }

    @Test
    void members_may_not_assign_or_move_due_dates_in_bulk() {
        Program program = fixture.program("Bulk member", team);
        Task task = fixture.start(program, clock.today().plusDays(2));
        assertThatThrownBy(() -> run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.bulk(BulkAction.ASSIGN,
                List.of(task.getId()), worker, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.bulk(BulkAction.DUE_DATE,
                List.of(task.getId()), null, clock.today().plusDays(9), "later"))).isInstanceOf(AccessDeniedException.class);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void a_bulk_assignment_refuses_the_task_of_a_team_the_person_is_not_on() {
        Program ours = fixture.program("Bulk ours", team);
        Program theirs = fixture.program("Bulk theirs", "grc");
        Task a = fixture.start(ours, clock.today().plusDays(2));
        Task b = fixture.start(ours, clock.today().plusDays(2));
        Task foreign = fixture.start(theirs, clock.today().plusDays(2));

        BulkResult result = as("manager", Role.COMPLIANCE_MANAGER, () -> inbox.bulk(BulkAction.ASSIGN,
                List.of(a.getId(), b.getId(), foreign.getId()), worker, null, null));

        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.refused()).hasSize(1);
        assertThat(result.refused().get(0).reason()).isEqualTo("Worker " + team + " is not on team 'Governance, Risk & Compliance'");
        assertThat(taskService.createTaskQuery().taskId(foreign.getId()).singleResult().getAssignee()).isNull();
        assertThat(taskService.createTaskQuery().taskId(b.getId()).singleResult().getAssignee()).isEqualTo(worker);
    }

    @Test
    void a_bulk_due_date_move_changes_every_selected_task_and_keeps_the_reason_in_each_history() {
        Program program = fixture.program("Bulk due", team);
        Task a = fixture.start(program, clock.today().plusDays(2));
        Task b = fixture.start(program, clock.today().plusDays(3));
        LocalDate newDue = clock.today().plusDays(21);

        BulkResult result = as("manager", Role.COMPLIANCE_MANAGER, () -> inbox.bulk(BulkAction.DUE_DATE,
                List.of(a.getId(), b.getId()), null, newDue, "Auditor moved fieldwork"));

        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.refused()).isEmpty();
        for (Task t : List.of(a, b)) {
            InboxTask row = as("manager", Role.COMPLIANCE_MANAGER, () -> inbox.get(t.getId()));
            assertThat(row.dueDate()).isEqualTo(newDue);
            List<TaskEvent> history = as("manager", Role.COMPLIANCE_MANAGER, () -> inbox.history(t.getId()));
            assertThat(history).extracting(TaskEvent::message).contains("Auditor moved fieldwork");
        }
        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MANAGER, () -> inbox.bulk(BulkAction.DUE_DATE,
                List.of(a.getId()), null, clock.today().minusDays(1), "back")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Choose today or a later day");
    }

    @Test
    void a_bulk_change_names_at_most_two_hundred_tasks() {
        List<String> ids = new ArrayList<>(Collections.nCopies(201, "x"));
        assertThatThrownBy(() -> run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.bulk(BulkAction.CLAIM, ids, null, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Select at most 200 tasks at once");
        assertThatThrownBy(() -> run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.bulk(BulkAction.CLAIM, List.of(), null, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Select at least one task");
        assertThatThrownBy(() -> run(worker, Role.COMPLIANCE_MEMBER, () -> inbox.bulk(BulkAction.CLAIM,
                List.of("a b"), null, null, null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("short codes without spaces");
    }
}
