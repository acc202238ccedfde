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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * An organisation in Berlin across the change to summer time (2027-03-28): days are whole days in
 * its zone, so timers fire at local midnight (23:00 UTC before the change, 22:00 UTC after it), and
 * a task due today is not overdue at half past midnight.
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

    private List<Instant> timers(Long id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(LifecycleService.businessKey(id)).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi).timers().list().stream())
                .map(j -> j.getDuedate().toInstant()).toList();
    }

    @Test
    void timers_fire_at_local_midnight_on_both_sides_of_the_daylight_saving_change_and_due_today_is_not_overdue() {
        assertThat(clock.getZone().getId()).isEqualTo("Europe/Berlin");
        clock.setDate(LocalDate.parse("2027-03-20"));
        Long id = SystemAuthentication.call(() -> programs.create(new ProgramRequest("Berlin " + UUID.randomUUID(),
                Framework.SOC2_TYPE2, EnumSet.of(TrustCategory.SECURITY), null, null, "manager", "grc"))).id();
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.typeTwo(LocalDate.parse("2027-03-29"), 3, false)));
        new ProcessDriver(clock, management, tasks, runtime, forms, id).completing(t -> false).runUntil(LocalDate.parse("2027-03-21"));

        // 2027-03-29 00:00 in Berlin is summer time (UTC+2).
        assertThat(timers(id)).contains(Instant.parse("2027-03-28T22:00:00Z"));
        SystemAuthentication.run(() -> lifecycles.rescheduleMilestone(id, MilestoneType.OBSERVATION_START, 1,
                LocalDate.parse("2027-03-27")));
        // 2027-03-27 00:00 in Berlin is still winter time (UTC+1); the window now ends 2027-06-26.
        assertThat(timers(id)).contains(Instant.parse("2027-03-26T23:00:00Z")).doesNotContain(Instant.parse("2027-03-28T22:00:00Z"));
        assertThat(milestones.find(id, MilestoneType.OBSERVATION_END, 1).orElseThrow().getPlannedDate())
                .isEqualTo(LocalDate.parse("2027-06-26"));

        // The scoping task is due 14 days after the start, on 2027-04-03 (summer time).
        clock.set(Instant.parse("2027-04-02T22:30:00Z")); // 00:30 on 2027-04-03 in Berlin
        assertThat(deadlines.overdueByProgram().get(id)).as("due today is not overdue").isNull();
        clock.set(Instant.parse("2027-04-03T22:30:00Z")); // 00:30 on 2027-04-04 in Berlin
        assertThat(deadlines.overdueByProgram().get(id)).isEqualTo(1);
    }
}
