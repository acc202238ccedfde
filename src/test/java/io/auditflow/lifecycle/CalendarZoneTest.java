package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.support.TestClock;
import io.auditflow.timeline.TaskDeadlines;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * An organisation in Berlin across the change to summer time (2027-03-28): days are whole days in
 * its zone, so due dates are local midnight (23:00 UTC before the change, 22:00 UTC after it), a
 * move across the change keeps whole days, and a task due today is not overdue at half past midnight.
 */
@IntegrationTest
@TestPropertySource(properties = "auditflow.zone=Europe/Berlin")
class CalendarZoneTest {

    @Autowired TestClock clock;
    @Autowired ProgramService programs;
    @Autowired LifecycleService lifecycles;
    @Autowired MilestoneService milestones;
    @Autowired TaskForms forms;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired TaskDeadlines deadlines;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Instant> stage1Due(Long id) {
        return tasks.createTaskQuery().processInstanceBusinessKey(LifecycleService.businessKey(id))
                .taskDefinitionKey("Task_Stage1Audit").list().stream().map(t -> t.getDueDate().toInstant()).toList();
    }

    @Test
    void due_dates_are_local_midnight_on_both_sides_of_the_daylight_saving_change_and_due_today_is_not_overdue() {
        assertThat(clock.getZone().getId()).isEqualTo("Europe/Berlin");
        clock.setDate(LocalDate.parse("2027-03-20"));
        Long id = SystemAuthentication.call(() -> programs.create(new ProgramRequest("Berlin " + UUID.randomUUID(),
                Framework.ISO27001, EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", "grc"))).id();
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.isoInitial(LocalDate.parse("2027-03-29"), null)));
        new ProcessDriver(clock, management, tasks, runtime, forms, id).completing(t -> false).runUntil(LocalDate.parse("2027-03-21"));

        // 2027-03-29 00:00 in Berlin is summer time (UTC+2).
        assertThat(stage1Due(id)).containsExactly(Instant.parse("2027-03-28T22:00:00Z"));
        SystemAuthentication.run(() -> lifecycles.rescheduleMilestone(id, MilestoneType.STAGE1_AUDIT, 1,
                LocalDate.parse("2027-03-27")));
        // 2027-03-27 00:00 in Berlin is still winter time (UTC+1); Stage 2 keeps its six weeks.
        assertThat(stage1Due(id)).containsExactly(Instant.parse("2027-03-26T23:00:00Z"));
        assertThat(milestones.find(id, MilestoneType.STAGE2_AUDIT, 1).orElseThrow().getPlannedDate())
                .isEqualTo(LocalDate.parse("2027-05-08"));

        clock.set(Instant.parse("2027-03-26T23:30:00Z")); // 00:30 on 2027-03-27 in Berlin: due today
        assertThat(deadlines.overdueByProgram().get(id)).as("due today is not overdue").isNull();
        clock.set(Instant.parse("2027-03-27T23:30:00Z")); // 00:30 on 2027-03-28 in Berlin (summer time since 02:00)
        assertThat(deadlines.overdueByProgram().get(id)).isEqualTo(1);
    }
}
