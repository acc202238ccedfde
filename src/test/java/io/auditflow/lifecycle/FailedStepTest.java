package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A failing delegate keeps its step: retried after five minutes, three times, then an incident. */
@IntegrationTest
class FailedStepTest {

    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_failing_delegate_is_retried_after_five_minutes_and_then_raises_an_incident() {
        ProcessInstance pi = runtime.startProcessInstanceByMessage(FindingService.START_MESSAGE, "program-failing-step",
                Map.of("programId", -1L, "teamCode", "grc", "cycle", 1, "findingId", -1L));
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job.getRetries()).isEqualTo(3);

        Instant failedAt = clock.instant();
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("No finding -1");
        Job retried = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate().toInstant()).isEqualTo(failedAt.plus(Duration.ofMinutes(5)));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count())
                .as("not retried at once").isZero();

        for (int attempt = 0; attempt < 2; attempt++) {
            clock.advance(Duration.ofMinutes(5));
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("No finding -1");
        }
        Job exhausted = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(exhausted.getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_OpenFinding");
        assertThat(incident.getIncidentMessage()).contains("No finding -1");
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }
}
