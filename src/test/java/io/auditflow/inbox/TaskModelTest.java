package io.auditflow.inbox;

import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.FindingKind;
import io.auditflow.lifecycle.FindingService;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A task's purpose and what follows it come from its own deployed process model. */
@IntegrationTest
class TaskModelTest {

    @Autowired TaskModel model;
    @Autowired InboxFixture fixture;
    @Autowired FindingService findings;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;

    @Test
    void a_corrective_action_task_reads_its_documentation_and_next_task_from_the_real_model() {
        Program program = fixture.program("Purpose finding", "grc");
        SystemAuthentication.call(() -> findings.raise(program.id(), "grc", 1, FindingKind.MINOR_NONCONFORMITY,
                "Leavers kept VPN access", "Internal audit"));
        Task rootCause = awaitTask(program.id(), "Task_RootCause");

        TaskPurpose purpose = as("member", Role.COMPLIANCE_MEMBER, () -> model.purpose(rootCause.getId()));

        assertThat(purpose.documentation()).startsWith("Find out why the finding happened");
        assertThat(purpose.next()).containsExactly(new TaskPurpose.NextStep(TaskPurpose.Kind.TASK,
                "Agree the corrective action plan", null, "next.correctiveActionProcess.Task_ActionPlan", null));
    }

    @Test
    void the_purpose_of_a_task_one_may_not_see_is_not_found() {
        Program program = fixture.program("Purpose hidden", fixture.team("hid"));
        Task task = fixture.start(program, java.time.LocalDate.of(2030, 1, 1));
        assertThatThrownBy(() -> as("member", Role.COMPLIANCE_MEMBER, () -> model.purpose(task.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(as("manager", Role.COMPLIANCE_MANAGER, () -> model.purpose(task.getId())).next())
                .extracting(TaskPurpose.NextStep::kind, TaskPurpose.NextStep::name, TaskPurpose.NextStep::when)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TaskPurpose.Kind.TASK, "File the access review report", null));
    }

    private Task awaitTask(Long programId, String taskKey) {
        for (int i = 0; i < 20; i++) {
            Task task = taskService.createTaskQuery().processVariableValueEquals("programId", programId)
                    .taskDefinitionKey(taskKey).singleResult();
            if (task != null) {
                return task;
            }
            SystemAuthentication.run(() -> management.createJobQuery().executable().list()
                    .forEach(job -> management.executeJob(job.getId())));
        }
        throw new AssertionError("No task " + taskKey + " for program " + programId);
    }
}
