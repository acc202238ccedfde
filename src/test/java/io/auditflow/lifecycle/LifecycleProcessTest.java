package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.support.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole lifecycles in seconds: the engine clock moves through years while the driver completes
 * tasks on their due dates. All scenarios live in this one class so that, after the last one,
 * flow-node and sequence-flow coverage of every process is measured from the engine's history and
 * the build fails below 90%.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleProcessTest {

    static final double MIN_COVERAGE = 1.00;
    static final List<String> PROCESSES = List.of(LifecycleService.SOC2_ENGAGEMENT, LifecycleService.SOC2_RENEWAL,
            LifecycleService.ISO_CERTIFICATION, LifecycleService.CORRECTIVE_ACTION);

    @Autowired TestClock clock;
    @Autowired ProgramService programs;
    @Autowired LifecycleService lifecycles;
    @Autowired MilestoneService milestones;
    @Autowired ControlActivityService controls;
    @Autowired FindingService findings;
    @Autowired CertificateService certificates;
    @Autowired TaskForms forms;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;

    private final Set<Long> myPrograms = new TreeSet<>();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ------------------------------------------------------------------ SOC 2

    @Test
    void three_soc2_type2_years_run_back_to_back_without_a_coverage_gap_and_with_bridge_letters_in_between() {
        clock.setDate(LocalDate.of(2025, 12, 1));
        Long id = program(Framework.SOC2_TYPE2);
        start(id, LifecycleRequest.typeTwo(d("2026-01-01"), 12, true));
        ProcessDriver driver = driver(id);

        driver.runUntil(d("2027-01-02"));
        assertThat(driver.openTasks("Task_IssueBridgeLetter")).as("no report to bridge after year 1").isEmpty();
        driver.runUntil(d("2028-01-02"));
        assertThat(driver.openTasks("Task_IssueBridgeLetter")).hasSize(1);
        assertThat(milestone(id, MilestoneType.BRIDGE_LETTER, 2).getStatus()).isEqualTo(MilestoneStatus.PLANNED);
        assertThat(milestone(id, MilestoneType.REPORT_ISSUED, 2).getStatus()).isEqualTo(MilestoneStatus.PLANNED);

        driver.runUntil(d("2029-05-15"));
        for (int year = 1; year <= 3; year++) {
            LocalDate start = d("2026-01-01").plusYears(year - 1);
            assertThat(milestone(id, MilestoneType.OBSERVATION_START, year).getActualDate()).isEqualTo(start);
            assertThat(milestone(id, MilestoneType.OBSERVATION_END, year).getActualDate()).isEqualTo(start.plusYears(1).minusDays(1));
            assertThat(milestone(id, MilestoneType.REPORT_ISSUED, year).getStatus()).isEqualTo(MilestoneStatus.DONE);
            assertThat(milestone(id, MilestoneType.REPORT_STALE, year).getPlannedDate()).isEqualTo(start.plusYears(2).minusDays(1));
        }
        for (int year = 2; year <= 3; year++) {
            Milestone bridge = milestone(id, MilestoneType.BRIDGE_LETTER, year);
            assertThat(bridge.getStatus()).isEqualTo(MilestoneStatus.DONE);
            assertThat(bridge.getNote()).startsWith("Closed when the next report was issued on");
            assertThat(bridge.getActualDate()).isBefore(milestone(id, MilestoneType.REPORT_ISSUED, year).getActualDate());
        }
        assertThat(lifecycles.coverageGaps(id)).isEmpty();
        assertThat(historicCount(id, "Task_EngageAuditor")).isEqualTo(3);

        List<ControlActivityService.ExpectedVersusDone> evd = controls.expectedVersusDone(id);
        assertThat(evd).filteredOn(e -> e.activityCode().equals("USER_ACCESS_REVIEW") && e.cycle() <= 3)
                .extracting(e -> e.cycle() + ":" + e.expected() + "/" + e.done() + "/" + e.overdue())
                .containsExactly("1:4/4/0", "2:4/4/0", "3:4/4/0");
        assertThat(evd).filteredOn(e -> e.activityCode().equals("PENETRATION_TEST") && e.cycle() <= 3)
                .extracting(ControlActivityService.ExpectedVersusDone::expected).containsExactly(1, 1, 1);
        assertThat(controls.occurrences(id)).filteredOn(o -> o.activityCode().equals("USER_ACCESS_REVIEW") && o.cycle() == 2)
                .extracting(ControlActivityService.Occurrence::dueOn)
                .containsExactly(d("2027-03-31"), d("2027-06-30"), d("2027-09-30"), d("2027-12-31"));
    }

    @Test
    void a_coverage_gap_between_windows_is_reviewed_and_shown_never_silently_accepted() {
        clock.setDate(LocalDate.of(2025, 12, 1));
        Long id = program(Framework.SOC2_TYPE2);
        start(id, LifecycleRequest.typeTwo(d("2026-01-01"), 6, true));
        ProcessDriver driver = driver(id).completing(t -> !"VULNERABILITY_SCAN".equals(local(t, "controlActivity")));
        driver.runUntil(d("2026-05-01"));

        SystemAuthentication.run(() -> lifecycles.rescheduleMilestone(id, MilestoneType.OBSERVATION_START, 2, d("2026-08-01")));
        // The move opens July 2026 to no report: the team is asked to review it at the move, not at year planning.
        assertThat(driver.openTasks("Task_ReviewPlannedGap")).hasSize(1);
        driver.runUntil(d("2026-07-02"));
        assertThat(historicCount(id, "Task_ReviewPlannedGap")).isEqualTo(1);
        assertThat(lifecycles.coverageGaps(id)).containsExactly(new CoverageGap(d("2026-07-01"), d("2026-07-31")));
        assertThat(milestone(id, MilestoneType.OBSERVATION_START, 2).getStatus()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(controls.expectedVersusDone(id)).filteredOn(e -> e.activityCode().equals("VULNERABILITY_SCAN"))
                .extracting(e -> e.expected() + "/" + e.done() + "/" + e.overdue()).containsExactly("2/0/2");
        assertThat(historicCount(id, "Timer_WindowClosed")).as("open control tasks ended with the window").isEqualTo(1);

        // Year 2's bridge letter is never written: the next report closes it anyway.
        driver.completing(t -> !t.getTaskDefinitionKey().equals("Task_IssueBridgeLetter"));
        driver.runUntil(d("2027-12-15"));
        assertThat(milestone(id, MilestoneType.OBSERVATION_START, 2).getActualDate()).isEqualTo(d("2026-08-01"));
        Milestone bridge = milestone(id, MilestoneType.BRIDGE_LETTER, 2);
        assertThat(bridge.getStatus()).isEqualTo(MilestoneStatus.MISSED);
        assertThat(bridge.getNote()).contains("before a bridge letter went out");
        assertThat(driver.openTasks("Task_IssueBridgeLetter")).isEmpty();
    }

    @Test
    void a_type1_engagement_runs_from_scoping_to_the_issued_report_and_exceptions_start_corrective_actions() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.SOC2_TYPE1);
        LifecycleRequest request = new LifecycleRequest(null, true, d("2026-03-31"), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        start(id, request);
        ProcessDriver driver = driver(id).answer("Task_Fieldwork", Map.of("exceptionCount", "1"));
        driver.runDueJobs();

        Task scoping = driver.openTasks("Task_Scoping").get(0);
        assertThat(scoping.getFormKey()).isEqualTo("auditflow:scoping");
        assertThat(scoping.getDueDate()).isEqualTo(java.sql.Timestamp.valueOf("2026-01-19 00:00:00"));
        assertThat(tasks.getVariablesLocal(scoping.getId())).containsEntry("taskKind", "PREPARATION");
        assertThat(tasks.getIdentityLinksForTask(scoping.getId())).anyMatch(l -> "grc".equals(l.getGroupId()));
        assertThat(runtime.getVariable(scoping.getProcessInstanceId(), "programId")).isEqualTo(id);
        assertThat(runtime.getVariable(scoping.getProcessInstanceId(), "cycle")).isEqualTo(1);

        driver.runUntil(d("2026-12-01"));
        assertThat(milestone(id, MilestoneType.AS_OF_DATE, 1).getActualDate()).isEqualTo(d("2026-03-31"));
        Milestone report = milestone(id, MilestoneType.REPORT_ISSUED, 1);
        assertThat(report.getStatus()).isEqualTo(MilestoneStatus.DONE);
        assertThat(report.getNote()).isEqualTo("Opinion: UNQUALIFIED");
        assertThat(historicCount(id, "Task_ReadinessAssessment")).isEqualTo(1);
        // Fieldwork starts 2026-04-14; the readiness assessment ran until 2026-03-02, when the 90-day step
        // (due 2026-02-12) had passed, so only the 60, 30 and 7 day steps became tasks.
        assertThat(historicCount(id, "Task_FieldworkPreparation")).isEqualTo(3);
        assertThat(historicCount(id, "Task_ManagementResponses")).isEqualTo(1);
        assertThat(findings.findingsOf(id)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.SOC2_EXCEPTION);
            assertThat(f.status()).isEqualTo(FindingService.CLOSED);
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(LifecycleService.businessKey(id)).count())
                .isZero();
    }

    @Test
    void moving_fieldwork_moves_the_countdown_timers_and_open_task_due_dates() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.SOC2_TYPE1);
        start(id, LifecycleRequest.typeOne(d("2026-06-30")));
        ProcessDriver driver = driver(id);
        driver.runUntil(d("2026-01-06"));
        LocalDate oldStart = milestone(id, MilestoneType.FIELDWORK_START, 1).getPlannedDate();
        assertThat(oldStart).isEqualTo(d("2026-07-14"));
        SystemAuthentication.run(() -> lifecycles.rescheduleMilestone(id, MilestoneType.FIELDWORK_START, 1, d("2026-08-03")));
        assertThat(milestone(id, MilestoneType.FIELDWORK_END, 1).getPlannedDate()).isEqualTo(d("2026-09-06"));
        assertThat(milestone(id, MilestoneType.REPORT_ISSUED, 1).getPlannedDate()).isEqualTo(d("2026-10-21"));
        // The 90-day step now opens on 2026-05-05 instead of 2026-04-15.
        driver.runUntil(d("2026-04-20"));
        assertThat(driver.openTasks("Task_FieldworkPreparation")).isEmpty();
        driver.completing(t -> false).runUntil(d("2026-05-06"));
        assertThat(driver.openTasks("Task_FieldworkPreparation")).singleElement()
                .satisfies(t -> assertThat(t.getName()).contains("90 days"));
    }

    // ------------------------------------------------------------------ corrective action

    @Test
    void a_corrective_action_that_was_not_effective_is_reworked_and_a_late_plan_is_flagged_overdue() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.ISO27001);
        FindingService.FindingView f = SystemAuthentication.call(() -> findings.raise(id, "grc", 1,
                FindingKind.MINOR_NONCONFORMITY, "Access reviews not signed", "TEST"));
        assertThat(f.dueDate()).isEqualTo(d("2026-04-05"));
        ProcessDriver driver = driver(id).completing(t -> !t.getTaskDefinitionKey().equals("Task_ActionPlan"));
        driver.runUntil(d("2026-04-10"));
        assertThat(findings.get(f.id()).overdue()).isTrue();
        assertThat(findings.openCountsByKind().get(FindingKind.MINOR_NONCONFORMITY)).isPositive();
        assertThat(findings.openFindings()).anyMatch(o -> o.id().equals(f.id()));

        driver.completeOnly("Task_ActionPlan", Map.of());
        driver.completeOnly("Task_Implement", Map.of());
        driver.completeOnly("Task_EffectivenessCheck", Map.of("effective", "NO"));
        assertThat(findings.get(f.id()).status()).isNotEqualTo(FindingService.CLOSED);
        driver.completeOnly("Task_ActionPlan", Map.of());
        driver.completeOnly("Task_Implement", Map.of());
        driver.completeOnly("Task_EffectivenessCheck", Map.of("effective", "YES"));
        assertThat(findings.get(f.id()).status()).isEqualTo(FindingService.CLOSED);
        assertThat(historicCount(id, "Task_ActionPlan")).isEqualTo(2);
    }

    // ------------------------------------------------------------------ ISO 27001

    @Test
    void a_full_iso_cycle_runs_from_stage_1_into_the_second_certificate() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.ISO27001);
        start(id, LifecycleRequest.isoInitial(d("2026-02-02"), null));
        ProcessDriver driver = driver(id);
        driver.runUntil(d("2026-05-01"));
        CertificateService.Certificate first = certificates.find(id).orElseThrow();
        assertThat(first.state()).isEqualTo(CertificateState.VALID);
        assertThat(first.decisionDate()).isEqualTo(d("2026-04-15"));
        assertThat(first.expiryDate()).isEqualTo(d("2029-04-14"));

        driver.runUntil(d("2029-03-31"));
        LocalDate s1 = milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1, 1).getActualDate();
        LocalDate s2 = milestone(id, MilestoneType.SURVEILLANCE_AUDIT_2, 1).getActualDate();
        LocalDate recert = milestone(id, MilestoneType.RECERTIFICATION_AUDIT, 1).getActualDate();
        assertThat(s1).isBeforeOrEqualTo(first.decisionDate().plusMonths(12));
        assertThat(s2.getYear()).isEqualTo(s1.getYear() + 1);
        assertThat(recert).isBefore(first.expiryDate());
        CertificateService.Certificate second = certificates.find(id).orElseThrow();
        assertThat(second.cycle()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(CertificateState.VALID);
        assertThat(second.expiryDate()).as("the old expiry basis").isEqualTo(d("2032-04-14"));
        assertThat(milestone(id, MilestoneType.CERTIFICATION_DECISION, 2).getStatus()).isEqualTo(MilestoneStatus.DONE);
        assertThat(milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1, 2).getPlannedDate()).isAfter(recert);
        // Stage 2, surveillance 1 and 2, recertification, and already the next cycle's surveillance 1.
        assertThat(historicCount(id, "Task_InternalAudit")).isEqualTo(5);
        assertThat(historicCount(id, "Task_ManagementReview")).isEqualTo(5);
    }

    @Test
    void a_missed_surveillance_audit_puts_the_certificate_at_risk_then_suspends_it_until_the_late_audit() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.ISO27001);
        start(id, LifecycleRequest.isoExisting(d("2025-03-01")));
        ProcessDriver driver = driver(id).completing(t -> !t.getTaskDefinitionKey().equals("Task_ExternalAudit")
                && !t.getTaskDefinitionKey().equals("Task_LateAudit"));
        driver.runUntil(d("2026-02-05"));
        assertThat(certificates.find(id).orElseThrow().state()).isEqualTo(CertificateState.AT_RISK);
        assertThat(milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1, 1).getStatus()).isEqualTo(MilestoneStatus.AT_RISK);

        driver.runUntil(d("2026-03-05"));
        assertThat(certificates.find(id).orElseThrow().state()).isEqualTo(CertificateState.SUSPENDED);
        assertThat(milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1, 1).getStatus()).isEqualTo(MilestoneStatus.MISSED);
        assertThat(driver.openTasks("Task_ExternalAudit")).isEmpty();
        assertThat(driver.openTasks("Task_LateAudit")).singleElement()
                .satisfies(t -> assertThat(t.getName()).isEqualTo("Late audit: Surveillance audit 1"));

        driver.runUntil(d("2026-04-10"));
        driver.completeOnly("Task_LateAudit", Map.of());
        assertThat(certificates.find(id).orElseThrow().state()).isEqualTo(CertificateState.RESTORED);
        assertThat(milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1, 1).getActualDate()).isEqualTo(d("2026-04-10"));
        assertThat(runtime.getVariable(driver.openTasks("Task_InternalAudit").get(0).getProcessInstanceId(), "auditType"))
                .isEqualTo("SURVEILLANCE_AUDIT_2");
    }

    @Test
    void a_suspended_certificate_not_restored_within_six_months_lapses_and_goes_back_to_stage_2() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.ISO27001);
        start(id, LifecycleRequest.isoExisting(d("2025-03-01")));
        ProcessDriver driver = driver(id).completing(t -> !t.getTaskDefinitionKey().equals("Task_ExternalAudit")
                && !t.getTaskDefinitionKey().equals("Task_LateAudit"));
        driver.runUntil(d("2026-09-05"));
        CertificateService.Certificate c = certificates.find(id).orElseThrow();
        assertThat(c.state()).isEqualTo(CertificateState.LAPSED);
        assertThat(c.note()).contains("Stage 2 again");
        assertThat(driver.openTasks("Task_LateAudit")).isEmpty();
        assertThat(milestone(id, MilestoneType.STAGE2_AUDIT, 2).getStatus()).isEqualTo(MilestoneStatus.PLANNED);
        driver.runUntil(d("2026-10-20"));
        Task stage2 = driver.openTasks("Task_ExternalAudit").get(0);
        assertThat(stage2.getName()).isEqualTo("Stage 2 audit");
    }

    @Test
    void a_late_recertification_is_restored_within_six_months_and_keeps_the_expiry_basis() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.ISO27001);
        start(id, LifecycleRequest.isoExisting(d("2023-04-20")));
        ProcessDriver driver = driver(id).completing(t -> !t.getTaskDefinitionKey().equals("Task_ExternalAudit")
                && !t.getTaskDefinitionKey().equals("Task_LateAudit"));
        driver.runUntil(d("2026-01-06"));
        assertThat(milestone(id, MilestoneType.SURVEILLANCE_AUDIT_2, 1).getNote()).contains("before tracking");
        driver.runUntil(d("2026-04-25"));
        assertThat(certificates.find(id).orElseThrow().state()).isEqualTo(CertificateState.LAPSED);
        assertThat(milestone(id, MilestoneType.RECERTIFICATION_AUDIT, 1).getStatus()).isEqualTo(MilestoneStatus.MISSED);

        driver.runUntil(d("2026-06-01"));
        driver.completeOnly("Task_LateAudit", Map.of());
        assertThat(certificates.find(id).orElseThrow().state()).isEqualTo(CertificateState.RESTORED);
        driver.completing(t -> true).runUntil(d("2026-07-15"));
        CertificateService.Certificate renewed = certificates.find(id).orElseThrow();
        assertThat(renewed.cycle()).isEqualTo(2);
        assertThat(renewed.state()).isEqualTo(CertificateState.VALID);
        assertThat(renewed.expiryDate()).isEqualTo(d("2029-04-19"));
    }

    @Test
    void an_open_major_nonconformity_blocks_the_certification_decision() {
        clock.setDate(LocalDate.of(2026, 1, 5));
        Long id = program(Framework.ISO27001);
        start(id, LifecycleRequest.isoInitial(d("2026-02-02"), d("2026-03-02")));
        ProcessDriver driver = driver(id)
                .answer("Task_ExternalAudit", Map.of("majorNonconformities", "1", "minorNonconformities", "1"))
                .completing(t -> !t.getProcessDefinitionId().startsWith(LifecycleService.CORRECTIVE_ACTION));
        driver.runUntil(d("2026-06-01"));
        assertThat(findings.openCount(id, FindingKind.MAJOR_NONCONFORMITY)).isEqualTo(1);
        assertThat(driver.openTasks("Task_CertificationDecision")).isEmpty();
        assertThat(certificates.find(id)).isEmpty();
        assertThat(historicCount(id, "Timer_RecheckMajors")).isGreaterThan(5);

        driver.completing(t -> true).runUntil(d("2026-10-01"));
        assertThat(findings.openCount(id, FindingKind.MAJOR_NONCONFORMITY)).isZero();
        CertificateService.Certificate c = certificates.find(id).orElseThrow();
        assertThat(c.state()).isEqualTo(CertificateState.VALID);
        LocalDate closed = findings.findingsOf(id).stream().filter(f -> f.kind() == FindingKind.MAJOR_NONCONFORMITY)
                .findFirst().orElseThrow().closedOn();
        assertThat(c.decisionDate()).isAfterOrEqualTo(closed);
    }

    // ------------------------------------------------------------------ coverage

    @AfterAll
    void every_process_is_covered_to_at_least_90_percent() throws IOException {
        Set<String> businessKeys = myPrograms.stream().map(LifecycleService::businessKey).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        Map<String, double[]> figures = new TreeMap<>();
        for (String key : PROCESSES) {
            ProcessDefinition def = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult();
            BpmnModelInstance model = repository.getBpmnModelInstance(def.getId());
            Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> flows = model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> instances = new TreeSet<>();
            for (String bk : businessKeys) {
                history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(bk).processDefinitionKey(key).list()
                        .stream().map(HistoricProcessInstance::getId).forEach(instances::add);
            }
            Set<String> seenNodes = new TreeSet<>();
            for (String pi : instances) {
                history.createHistoricActivityInstanceQuery().processInstanceId(pi).list().stream()
                        .map(HistoricActivityInstance::getActivityId).forEach(seenNodes::add);
            }
            Set<String> seenFlows = FlowCoverageRecorder.TAKEN.stream()
                    .filter(e -> instances.contains(e.substring(0, e.indexOf('|'))))
                    .map(e -> e.substring(e.indexOf('|') + 1)).collect(Collectors.toSet());
            Set<String> missedNodes = new TreeSet<>(nodes);
            missedNodes.removeAll(seenNodes);
            Set<String> missedFlows = new TreeSet<>(flows);
            missedFlows.removeAll(seenFlows);
            double nodeCoverage = 1.0 - (double) missedNodes.size() / nodes.size();
            double flowCoverage = 1.0 - (double) missedFlows.size() / flows.size();
            figures.put(key, new double[] {nodeCoverage, flowCoverage});
            lines.add(String.format("%s: flow nodes %d/%d (%.1f%%), sequence flows %d/%d (%.1f%%), instances %d; "
                            + "not passed: nodes %s, flows %s", key, nodes.size() - missedNodes.size(), nodes.size(),
                    nodeCoverage * 100, flows.size() - missedFlows.size(), flows.size(), flowCoverage * 100,
                    instances.size(), missedNodes, missedFlows));
        }
        Path file = Path.of("target", "process-coverage.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        lines.forEach(System.out::println);
        figures.forEach((key, f) -> {
            assertThat(f[0]).as("flow-node coverage of " + key + " (see target/process-coverage.txt)")
                    .isGreaterThanOrEqualTo(MIN_COVERAGE);
            assertThat(f[1]).as("sequence-flow coverage of " + key + " (see target/process-coverage.txt)")
                    .isGreaterThanOrEqualTo(MIN_COVERAGE);
        });
    }

    // ------------------------------------------------------------------ helpers

    private Long program(Framework framework) {
        Set<TrustCategory> criteria = framework.isSoc2() ? EnumSet.of(TrustCategory.SECURITY) : EnumSet.noneOf(TrustCategory.class);
        Long id = SystemAuthentication.call(() -> programs.create(new ProgramRequest("Lifecycle " + UUID.randomUUID(),
                framework, criteria, null, framework == Framework.ISO27001 ? "2022" : null, "manager", "grc"))).id();
        myPrograms.add(id);
        return id;
    }

    private void start(Long id, LifecycleRequest request) {
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, request));
    }

    private ProcessDriver driver(Long id) {
        return new ProcessDriver(clock, management, tasks, runtime, forms, id);
    }

    private Milestone milestone(Long id, MilestoneType type, int cycle) {
        return milestones.find(id, type, cycle).orElseThrow(() -> new AssertionError("No " + type + " in cycle " + cycle));
    }

    private long historicCount(Long id, String activityId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(LifecycleService.businessKey(id))
                .list().stream().mapToLong(pi -> history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                        .activityId(activityId).count()).sum();
    }

    private Object local(Task t, String name) {
        return tasks.getVariableLocal(t.getId(), name);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
