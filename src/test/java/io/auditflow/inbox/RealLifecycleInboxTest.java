package io.auditflow.inbox;

import static io.auditflow.inbox.InboxFixture.as;
import static io.auditflow.inbox.InboxFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The inbox on the real audit lifecycles of the lifecycle feature, not on a test model. */
@IntegrationTest
class RealLifecycleInboxTest {

    @Autowired InboxService inbox;
    @Autowired InboxFixture fixture;
    @Autowired LifecycleService lifecycle;
    @Autowired TaskService taskService;
    @Autowired TestClock clock;
    @Autowired TestRestTemplate rest;

    private Task firstTask(String name, String team) {
        Program program = fixture.program(name, team, Framework.SOC2_TYPE1);
        return fixture.startLifecycle(program, lifecycle, LifecycleRequest.typeOne(clock.today().plusMonths(6)));
    }

    @Test
    void a_real_lifecycle_task_is_in_the_team_inbox_with_its_program_due_date_and_form() {
        Task task = firstTask("Real inbox", "grc");

        InboxTask row = as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(task.getId()));
        assertThat(row.name()).isEqualTo(task.getName());
        assertThat(row.candidateGroup()).isEqualTo("grc");
        assertThat(row.framework()).isEqualTo(Framework.SOC2_TYPE1);
        String formKey = taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult().getFormKey();
        assertThat(row.formKey()).isEqualTo(formKey).startsWith("auditflow:");
        assertThat(row.taskKind()).isNotNull();
        assertThat(row.dueDate()).isEqualTo(task.getDueDate() == null ? null
                : LocalDate.ofInstant(task.getDueDate().toInstant(), clock.getZone()));
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.list(
                new TaskFilter(TaskListView.TEAM, row.programId(), null, null, null), 0, 10)))
                .extracting(InboxTask::id).contains(task.getId());
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.details(task.getId())).form()).isNotEmpty();
    }

    @Test
    void a_member_claims_and_completes_a_real_task_with_its_form_and_the_lifecycle_moves_on() {
        Task task = firstTask("Real complete", "grc");
        InboxTask row = as("member", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId()));
        assertThat(row.assignee()).isEqualTo("member");

        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), Map.of())))
                .isInstanceOf(ValidationException.class);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), validValues(task.getId())));

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(task.getId())).state()).isEqualTo("COMPLETED");
        List<Task> next = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list();
        for (Task t : next) {
            assertThat(as("member", Role.COMPLIANCE_MEMBER, () -> inbox.get(t.getId())).open()).isTrue();
        }
    }

    @Test
    void twenty_parallel_completions_of_a_real_task_complete_it_once() throws Exception {
        Task task = firstTask("Real race", "grc");
        run("member", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId()));
        Map<String, Object> values = validValues(task.getId());
        List<String> outcomes = ConcurrentAttempts.race(20,
                () -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.complete(task.getId(), values)));
        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("conflict"::equals).hasSize(19);
    }

    @Test
    void a_member_cannot_reach_another_teams_real_task_by_id_in_the_service_or_the_api() {
        Task task = firstTask("Real hidden", fixture.team("realhidden"));

        assertThatThrownBy(() -> run("member", Role.COMPLIANCE_MEMBER, () -> inbox.claim(task.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(rest.withBasicAuth("member", "demo").exchange("/api/tasks/" + task.getId() + "/claim", HttpMethod.POST,
                HttpEntity.EMPTY, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("member", "demo").getForEntity("/api/tasks/" + task.getId(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    /** Fills every required field of the task's form with a value its type accepts. */
    private Map<String, Object> validValues(String taskId) {
        TaskDetails details = as("member", Role.COMPLIANCE_MEMBER, () -> inbox.details(taskId));
        Map<String, Object> values = new java.util.HashMap<>();
        for (var f : details.form()) {
            values.put(f.name(), switch (f.type()) {
                case DATE, PAST_DATE -> clock.today().toString();
                case INTEGER -> "0";
                case CHOICE -> f.choices().get(0).code();
                case BOOLEAN -> "true";
                default -> "Done in the inbox test";
            });
        }
        return values;
    }
}
