package io.auditflow.inbox;

import static io.auditflow.inbox.InboxFixture.as;
import static io.auditflow.inbox.InboxFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class InboxServiceTest {

    @Autowired InboxService inbox;
    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired TestClock clock;

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate today() {
        return clock.today();
    }

    @Test
    void a_process_task_appears_in_the_team_list_with_its_program_and_what_it_serves() {
        Program program = fixture.program("Inbox projection", "grc");
        Task task = fixture.start(program, today().plusDays(10));

        InboxTask row = as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(task.getId()));
        assertThat(row.programName()).isEqualTo(program.name());
        assertThat(row.framework()).isEqualTo(program.framework());
        assertThat(row.candidateGroup()).isEqualTo("grc");
        assertThat(row.milestoneType()).isEqualTo("FIELDWORK_START");
        assertThat(row.controlActivity()).isEqualTo("USER_ACCESS_REVIEW");
        assertThat(row.taskKind()).isEqualTo("CONTROL_ACTIVITY");
        assertThat(row.formKey()).isEqualTo(InboxFixture.REVIEW_FORM);
        assertThat(row.dueDate()).isEqualTo(today().plusDays(10));
        assertThat(row.assignee()).isNull();
        assertThat(row.serves()).contains("Fieldwork starts").contains("User access review");

        List<InboxTask> team = as("member", Role.COMPLIANCE_MEMBER,
                () -> inbox.list(new TaskFilter(TaskListView.TEAM, program.id(), null, null, null), 0, 50));
        assertThat(team).extracting(InboxTask::id).containsExactly(task.getId());
    }

    @Test
    void claiming_moves_a_task_to_my_tasks_and_unclaiming_gives_it_back() {
        Program program = fixture.program("Inbox claim", "grc");
        Task task = fixture.start(program, today().plusDays(5));
        TaskFilter mine = new TaskFilter(TaskListView.MINE, program.id(), null, null, null);

        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId()));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("member");
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.list(mine, 0, 10))).hasSize(1);
        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Milo Member");

        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.unclaim(task.getId()));
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.list(mine, 0, 10))).isEmpty();
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.history(task.getId())))
                .extracting(TaskEvent::kind).containsExactly(TaskEvent.CLAIMED, TaskEvent.UNCLAIMED);
    }

    @Test
    void completing_with_a_valid_form_moves_the_process_on_at_once() {
        Program program = fixture.program("Inbox complete", "grc");
        Task task = fixture.start(program, today().plusDays(5));

        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), Map.of("outcome", "OK", "accountsRemoved", "3")));

        Task next = fixture.currentTask(task.getProcessInstanceId());
        assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_FileReport");
        InboxTask done = as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(task.getId()));
        assertThat(done.state()).isEqualTo("COMPLETED");
        assertThat(done.endedBy()).isEqualTo("member");
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(next.getId())).open()).isTrue();
        assertThat(taskService.getVariables(next.getId())).containsEntry("outcome", "OK").containsEntry("accountsRemoved", 3L);
    }

    @Test
    void a_missing_required_field_gives_a_message_by_the_field_and_the_task_stays_open() {
        Program program = fixture.program("Inbox form", "grc");
        Task task = fixture.start(program, today().plusDays(5));

        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER,
                () -> inbox.complete(task.getId(), Map.of("accountsRemoved", "many"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.messageFor("outcome")).isEqualTo("Outcome is required");
                    assertThat(e.messageFor("accountsRemoved")).isEqualTo("Use a whole number");
                });
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(task.getId())).open()).isTrue();
    }

    @Test
    void a_member_cannot_see_claim_or_complete_another_teams_task_by_its_id() {
        String otherTeam = fixture.team("secret");
        Program program = fixture.program("Inbox other team", otherTeam);
        Task task = fixture.start(program, today().plusDays(5));

        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(task.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), Map.of("outcome", "OK"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.get("no-such-task")))
                .isInstanceOf(NotFoundException.class).hasMessage("No task no-such-task in your inbox");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(as("member", Role.COMPLIANCE_MEMBER,
                () -> inbox.list(new TaskFilter(TaskListView.TEAM, program.id(), null, null, null), 0, 10))).isEmpty();
        assertThat(as("manager", Role.COMPLIANCE_MANAGER,
                () -> inbox.list(new TaskFilter(TaskListView.ALL, program.id(), null, null, null), 0, 10))).hasSize(1);
    }

    @Test
    void only_managers_see_all_open_tasks() {
        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.list(TaskFilter.of(TaskListView.ALL), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.counts()).all()).isNull();
        assertThat(as("manager", Role.COMPLIANCE_MANAGER, () -> inbox.counts()).all()).isNotNull();
    }

    @Test
    void twenty_people_completing_one_task_at_once_complete_it_exactly_once() throws Exception {
        Program program = fixture.program("Inbox race", "grc");
        Task task = fixture.start(program, today().plusDays(5));
        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId()));

        List<String> outcomes = ConcurrentAttempts.race(20,
                () -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), Map.of("outcome", "OK"))));

        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("conflict"::equals).hasSize(19);
        assertThat(taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("Task_FileReport");
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.history(task.getId())))
                .filteredOn(e -> e.kind().equals(TaskEvent.COMPLETED)).hasSize(1);
    }

    @Test
    void completing_a_task_that_was_reassigned_meanwhile_is_refused_with_who_has_it_now() {
        Program program = fixture.program("Inbox reassigned", "grc");
        Task task = fixture.start(program, today().plusDays(5));
        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId()));
        run("manager", Role.COMPLIANCE_MANAGER, () -> inbox.assign(task.getId(), "manager"));

        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), Map.of("outcome", "OK"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("now assigned to Maya Manager");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(fixture.currentTask(
                task.getProcessInstanceId()).getId(), Map.of("outcome", "OK"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void completing_a_completed_task_again_is_a_conflict_not_a_second_completion() {
        Program program = fixture.program("Inbox twice", "grc");
        Task task = fixture.start(program, today().plusDays(5));
        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), Map.of("outcome", "OK")));

        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), Map.of("outcome", "OK"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already completed by Milo Member");
    }

    @Test
    void a_manager_assigns_only_to_members_of_the_tasks_team() {
        Program program = fixture.program("Inbox assign", "grc");
        Task task = fixture.start(program, today().plusDays(5));

        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MANAGER, () -> inbox.assign(task.getId(), "auditor")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor("assignee")).contains("is not on team 'Governance, Risk & Compliance'"));
        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MANAGER, () -> inbox.assign(task.getId(), "nobody")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.assign(task.getId(), "member")))
                .isInstanceOf(AccessDeniedException.class);

        run("manager", Role.COMPLIANCE_MANAGER, () -> inbox.assign(task.getId(), "member"));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("member");
        List<TaskEvent> history = as("member", Role.COMPLIANCE_MEMBER, () -> inbox.history(task.getId()));
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TaskEvent.ASSIGNED);
            assertThat(e.actor()).isEqualTo("manager");
            assertThat(e.newValue()).isEqualTo("member");
        });
    }

    @Test
    void a_due_date_change_needs_a_reason_which_is_kept() {
        Program program = fixture.program("Inbox due", "grc");
        Task task = fixture.start(program, today().plusDays(5));

        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MANAGER,
                () -> inbox.changeDueDate(task.getId(), today().plusDays(20), "  ")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor("reason")).contains("Say why"));
        assertThatThrownBy(() -> run("manager", Role.COMPLIANCE_MANAGER,
                () -> inbox.changeDueDate(task.getId(), today().minusDays(1), "late")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageFor("dueDate")).isNotNull());

        run("manager", Role.COMPLIANCE_MANAGER, () -> inbox.changeDueDate(task.getId(), today().plusDays(20), "Auditor moved fieldwork"));

        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(task.getId())).dueDate()).isEqualTo(today().plusDays(20));
        TaskEvent change = as("member", Role.COMPLIANCE_MEMBER, () -> inbox.history(task.getId())).get(0);
        assertThat(change.kind()).isEqualTo(TaskEvent.DUE_DATE_CHANGED);
        assertThat(change.oldValue()).isEqualTo(today().plusDays(5).toString());
        assertThat(change.newValue()).isEqualTo(today().plusDays(20).toString());
        assertThat(change.message()).isEqualTo("Auditor moved fieldwork");
    }

    @Test
    void due_windows_search_and_framework_filters_narrow_the_list_and_due_dates_sort_it() {
        Program program = fixture.program("Inbox filters", "grc");
        Task overdue = fixture.start(program, today().minusDays(2));
        Task week = fixture.start(program, today().plusDays(3));
        Task month = fixture.start(program, today().plusDays(20));
        Task later = fixture.start(program, today().plusDays(90));
        TaskFilter all = new TaskFilter(TaskListView.TEAM, program.id(), null, null, null);

        assertThat(ids(all)).containsExactly(overdue.getId(), week.getId(), month.getId(), later.getId());
        assertThat(ids(new TaskFilter(TaskListView.TEAM, program.id(), null, DueWindow.OVERDUE, null))).containsExactly(overdue.getId());
        assertThat(ids(new TaskFilter(TaskListView.TEAM, program.id(), null, DueWindow.WEEK, null))).containsExactly(week.getId());
        assertThat(ids(new TaskFilter(TaskListView.TEAM, program.id(), null, DueWindow.MONTH, null))).containsExactly(week.getId(), month.getId());
        assertThat(ids(new TaskFilter(TaskListView.TEAM, program.id(), null, DueWindow.LATER, null))).containsExactly(later.getId());
        assertThat(ids(new TaskFilter(TaskListView.TEAM, program.id(), null, null, "USER acc"))).hasSize(4);
        assertThat(ids(new TaskFilter(TaskListView.TEAM, program.id(), null, null, "no such name"))).isEmpty();
        assertThat(ids(new TaskFilter(TaskListView.TEAM, program.id(), io.auditflow.program.Framework.ISO27001, null, null))).isEmpty();
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.count(all))).isEqualTo(4);
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(overdue.getId())).dueStatus()).isEqualTo(DueStatus.OVERDUE);
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(week.getId())).dueStatus()).isEqualTo(DueStatus.ON_TRACK);
        clock.advanceDays(1);
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(week.getId())).dueStatus()).isEqualTo(DueStatus.DUE_SOON);
    }

    private List<String> ids(TaskFilter filter) {
        return as("member", Role.COMPLIANCE_MEMBER, () -> inbox.list(filter, 0, 50)).stream().map(InboxTask::id).toList();
    }
}
