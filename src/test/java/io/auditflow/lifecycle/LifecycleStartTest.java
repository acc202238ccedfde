package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.support.TestClock;
import io.auditflow.common.ConflictException;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start path as decision 0162 made it faster: the plan's new rows written in one batch, the
 * program read without its owner, and the "already running?" check with its cheap first count.
 */
@IntegrationTest
class LifecycleStartTest {

    @Autowired TestClock clock;
    @Autowired ProgramService programs;
    @Autowired LifecycleService lifecycles;
    @Autowired MilestoneService milestones;
    @Autowired RuntimeService runtime;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Long isoProgram() {
        return SystemAuthentication.call(() -> programs.create(new ProgramRequest("Start " + UUID.randomUUID(),
                Framework.ISO27001, EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", "grc"))).id();
    }

    private Milestone milestone(Long id, MilestoneType type) {
        return milestones.find(id, type, 1).orElseThrow(() -> new AssertionError("No " + type));
    }

    @Test
    void an_onboarded_certificate_has_its_whole_calendar_with_status_and_notes_as_soon_as_the_start_returns() {
        clock.setDate(LocalDate.parse("2026-11-30"));
        Long id = isoProgram();
        LifecycleService.LifecycleStarted started = SystemAuthentication.call(() ->
                lifecycles.startLifecycle(id, LifecycleRequest.isoExisting(LocalDate.parse("2024-02-29"))));

        Milestone s1 = milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1);
        assertThat(s1.getStatus()).isEqualTo(MilestoneStatus.DONE);
        assertThat(s1.getActualDate()).isNull();
        assertThat(s1.getNote()).contains("before tracking");
        Milestone s2 = milestone(id, MilestoneType.SURVEILLANCE_AUDIT_2);
        assertThat(s2.getPlannedDate()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(s2.getStatus()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(milestone(id, MilestoneType.CERTIFICATE_EXPIRY).getPlannedDate()).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(milestone(id, MilestoneType.RECERTIFICATION_AUDIT).getUpdatedAt()).isEqualTo(clock.instant());
        // The answer carries the rows just written, in date order, with their keys.
        assertThat(started.milestones()).extracting(Milestone::getType)
                .contains(MilestoneType.SURVEILLANCE_AUDIT_2, MilestoneType.RECERTIFICATION_AUDIT, MilestoneType.CERTIFICATE_EXPIRY);
        assertThat(started.milestones()).allSatisfy(m -> assertThat(m.getId()).isNotNull());
        assertThat(started.milestones()).extracting(Milestone::getType).containsSubsequence(
                MilestoneType.SURVEILLANCE_AUDIT_2, MilestoneType.RECERTIFICATION_AUDIT, MilestoneType.CERTIFICATE_EXPIRY);

        // Rows written in the batch can be moved afterwards like any other (their version column works).
        SystemAuthentication.run(() -> lifecycles.rescheduleMilestone(id, MilestoneType.SURVEILLANCE_AUDIT_2, 1,
                LocalDate.parse("2026-12-20")));
        assertThat(milestone(id, MilestoneType.SURVEILLANCE_AUDIT_2).getPlannedDate()).isEqualTo(LocalDate.parse("2026-12-20"));
    }

    @Test
    void a_second_start_while_the_lifecycle_runs_is_refused_and_changes_no_milestone() {
        clock.setDate(LocalDate.parse("2026-11-30"));
        Long id = isoProgram();
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.isoExisting(LocalDate.parse("2024-02-29"))));

        assertThatThrownBy(() -> SystemAuthentication.run(() -> lifecycles.startLifecycle(id,
                LifecycleRequest.isoExisting(LocalDate.parse("2025-06-15")))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already running");
        assertThat(milestone(id, MilestoneType.CERTIFICATE_EXPIRY).getPlannedDate()).isEqualTo(LocalDate.parse("2027-02-28"));
    }

    @Test
    void a_process_of_another_kind_under_the_programs_key_does_not_count_as_a_running_lifecycle() {
        clock.setDate(LocalDate.parse("2026-11-30"));
        Long id = isoProgram();
        // A corrective action carries the program's business key too, but is not a lifecycle.
        runtime.createProcessInstanceByKey(LifecycleService.CORRECTIVE_ACTION).businessKey(LifecycleService.businessKey(id))
                .setVariables(Map.of("programId", id, "teamCode", "grc")).startBeforeActivity("ServiceTask_OpenFinding")
                .execute();

        LifecycleService.LifecycleStarted started = SystemAuthentication.call(() ->
                lifecycles.startLifecycle(id, LifecycleRequest.isoExisting(LocalDate.parse("2024-02-29"))));
        assertThat(started.processDefinitionKey()).isEqualTo(LifecycleService.ISO_CERTIFICATION);
    }

    @Test
    void the_answer_is_the_calendar_a_later_read_shows_with_keys_order_and_values_also_beside_rows_planned_before() {
        clock.setDate(LocalDate.parse("2026-11-30"));
        Long id = isoProgram();
        // Rows the program had before the start: one the plan rewrites, one of a later cycle it does not touch.
        SystemAuthentication.run(() -> milestones.plan(id, MilestoneType.INTERNAL_AUDIT, 1, LocalDate.parse("2026-12-10")));
        SystemAuthentication.run(() -> milestones.plan(id, MilestoneType.STAGE1_AUDIT, 2, LocalDate.parse("2029-01-15")));

        LifecycleService.LifecycleStarted started = SystemAuthentication.call(() ->
                lifecycles.startLifecycle(id, LifecycleRequest.isoExisting(LocalDate.parse("2024-02-29"))));

        assertThat(started.milestones()).extracting(Milestone::getId, Milestone::getType, Milestone::getCycle,
                        Milestone::getPlannedDate, Milestone::getActualDate, Milestone::getStatus, Milestone::getNote,
                        Milestone::getUpdatedAt)
                .containsExactlyElementsOf(milestones.ofProgram(id).stream().map(m -> org.assertj.core.groups.Tuple.tuple(
                        m.getId(), m.getType(), m.getCycle(), m.getPlannedDate(), m.getActualDate(), m.getStatus(),
                        m.getNote(), m.getUpdatedAt())).toList());
        // The untouched later-cycle row is last (latest day); the expiry of the certificate comes just before it.
        Milestone last = started.milestones().get(started.milestones().size() - 1);
        assertThat(last.getType()).isEqualTo(MilestoneType.STAGE1_AUDIT);
        assertThat(last.getPlannedDate()).isEqualTo(LocalDate.parse("2029-01-15"));
        assertThat(started.milestones().get(started.milestones().size() - 2).getType()).isEqualTo(MilestoneType.CERTIFICATE_EXPIRY);
        assertThat(started.milestones()).filteredOn(m -> m.getType() == MilestoneType.INTERNAL_AUDIT).hasSize(1);
    }

    @Test
    void a_soc2_start_reads_the_programs_criteria_and_team_from_the_program() {
        clock.setDate(LocalDate.parse("2026-11-30"));
        Long id = SystemAuthentication.call(() -> programs.create(new ProgramRequest("Start " + UUID.randomUUID(),
                Framework.SOC2_TYPE2, EnumSet.of(TrustCategory.SECURITY, TrustCategory.AVAILABILITY), null, null,
                "manager", "grc"))).id();

        LifecycleService.LifecycleStarted started = SystemAuthentication.call(() ->
                lifecycles.startLifecycle(id, LifecycleRequest.typeTwo(LocalDate.parse("2027-01-01"), 12, true)));

        assertThat(runtime.getVariable(started.processInstanceId(), "criteria")).isEqualTo("AVAILABILITY,SECURITY");
        assertThat(runtime.getVariable(started.processInstanceId(), "teamCode")).isEqualTo("grc");
        assertThat(started.processDefinitionKey()).isEqualTo(LifecycleService.SOC2_RENEWAL);
    }
}
