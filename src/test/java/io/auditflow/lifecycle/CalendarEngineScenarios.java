package io.auditflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import io.auditflow.support.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The calendar engine on the real processes: onboarding mid-cycle, moving dates (timers and open task
 * due dates follow) and recording what happened. Expected dates are literal, worked out by hand.
 */
abstract class CalendarEngineScenarios {

    @Autowired TestClock clock;
    @Autowired ProgramService programs;
    @Autowired LifecycleService lifecycles;
    @Autowired MilestoneService milestones;
    @Autowired ControlActivityService controls;
    @Autowired TaskForms forms;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private Long program(Framework framework) {
        Set<TrustCategory> criteria = framework.isSoc2() ? EnumSet.of(TrustCategory.SECURITY) : EnumSet.noneOf(TrustCategory.class);
        return SystemAuthentication.call(() -> programs.create(new ProgramRequest("Calendar " + UUID.randomUUID(),
                framework, criteria, null, framework == Framework.ISO27001 ? "2022" : null, "manager", "grc"))).id();
    }

    private ProcessDriver driver(Long id) {
        return new ProcessDriver(clock, management, tasks, runtime, forms, id).completing(t -> false);
    }

    private Milestone milestone(Long id, MilestoneType type, int cycle) {
        return milestones.find(id, type, cycle).orElseThrow(() -> new AssertionError("No " + type + " in cycle " + cycle));
    }

    private List<Instant> timerDueDates(Long id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(LifecycleService.businessKey(id)).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi).timers().list().stream())
                .map(j -> j.getDuedate().toInstant()).toList();
    }

    private LocalDate due(Task t) {
        return LocalDate.ofInstant(t.getDueDate().toInstant(), clock.getZone());
    }

    private static Instant midnight(String day) {
        return Instant.parse(day + "T00:00:00Z");
    }

    @Test
    void moving_the_first_window_start_moves_the_window_its_timers_and_what_follows() {
        clock.setDate(d("2026-01-05"));
        Long id = program(Framework.SOC2_TYPE2);
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.typeTwo(d("2026-03-01"), 12, true)));
        // Scoping is done on its due day (2026-01-19); then the engagement waits for the window to start.
        driver(id).completing(t -> t.getTaskDefinitionKey().equals("Task_Scoping")).runUntil(d("2026-01-20"));
        // Window start, and the next year's auditor engaged 120 days before the window ends (2027-02-28).
        assertThat(timerDueDates(id)).contains(midnight("2026-03-01"), midnight("2026-10-31"));

        LifecycleService.MoveResult preview = SystemAuthentication.call(() -> lifecycles.previewReschedule(id,
                MilestoneType.OBSERVATION_START, 1, d("2026-04-01"), "Auditor starts later"));
        assertThat(preview.saved()).isFalse();
        assertThat(milestone(id, MilestoneType.OBSERVATION_START, 1).getPlannedDate()).as("a preview changes nothing")
                .isEqualTo(d("2026-03-01"));

        LifecycleService.MoveResult moved = SystemAuthentication.call(() -> lifecycles.rescheduleMilestone(id,
                MilestoneType.OBSERVATION_START, 1, d("2026-04-01"), "Auditor starts later"));
        assertThat(moved.changes()).extracting(Planner.Change::type).containsExactlyElementsOf(
                preview.changes().stream().map(Planner.Change::type).toList());
        assertThat(milestone(id, MilestoneType.OBSERVATION_START, 1).getNote()).contains("Auditor starts later");
        assertThat(milestone(id, MilestoneType.OBSERVATION_END, 1).getPlannedDate()).isEqualTo(d("2027-03-31"));
        assertThat(milestone(id, MilestoneType.FIELDWORK_START, 1).getPlannedDate()).isEqualTo(d("2027-04-14"));
        assertThat(milestone(id, MilestoneType.REPORT_STALE, 1).getPlannedDate()).isEqualTo(d("2028-03-31"));
        assertThat(milestone(id, MilestoneType.OBSERVATION_START, 2).getPlannedDate()).isEqualTo(d("2027-04-01"));
        // The window-start timer and the window-closed timers moved with the calendar.
        List<Instant> timers = timerDueDates(id);
        assertThat(timers).contains(midnight("2026-04-01"), midnight("2026-12-01"))
                .doesNotContain(midnight("2026-03-01"), midnight("2026-10-31"));
        assertThat(lifecycles.coverageGaps(id)).isEmpty();
    }

    @Test
    void moving_an_iso_audit_moves_its_open_preparation_tasks_and_the_next_surveillance() {
        clock.setDate(d("2026-01-05"));
        Long id = program(Framework.ISO27001);
        LifecycleService.LifecycleStarted started = SystemAuthentication.call(() ->
                lifecycles.startLifecycle(id, LifecycleRequest.isoExisting(d("2025-06-15"))));
        // lifefast: the answer carries the keys the database gave the batch-written rows (H2 and PostgreSQL alike).
        assertThat(started.milestones()).extracting(Milestone::getId, Milestone::getType)
                .containsExactlyElementsOf(milestones.ofProgram(id).stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.getId(), m.getType())).toList());
        assertThat(started.milestones()).extracting(Milestone::getType).startsWith(MilestoneType.CERTIFICATION_DECISION);
        ProcessDriver driver = driver(id);
        driver.runUntil(d("2026-01-06"));
        // Surveillance 1 at month 11 (2026-05-15): internal audit 35 days before, management review 14 days before.
        assertThat(driver.openTasks("Task_InternalAudit")).singleElement().satisfies(t -> assertThat(due(t)).isEqualTo(d("2026-04-10")));
        assertThat(driver.openTasks("Task_ManagementReview")).singleElement().satisfies(t -> assertThat(due(t)).isEqualTo(d("2026-05-01")));

        ResponseEntity<JsonNode> ok = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id
                + "/milestones/SURVEILLANCE_AUDIT_1/1/reschedule", Map.of("plannedDate", "2026-06-01", "reason", "Body's dates"),
                JsonNode.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody().get("changes")).extracting(c -> c.get("type").asText() + " " + c.get("to").asText())
                .containsExactly("SURVEILLANCE_AUDIT_1 2026-06-01", "SURVEILLANCE_AUDIT_2 2027-06-01");
        assertThat(driver.openTasks("Task_InternalAudit")).singleElement().satisfies(t -> assertThat(due(t)).isEqualTo(d("2026-04-27")));
        assertThat(driver.openTasks("Task_ManagementReview")).singleElement().satisfies(t -> assertThat(due(t)).isEqualTo(d("2026-05-18")));
        // The audit deadline (12 months after the 2025-06-15 decision) is unchanged: at risk from 2026-05-16.
        assertThat(timerDueDates(id)).contains(midnight("2026-05-16"), midnight("2026-06-16"));

        ResponseEntity<JsonNode> dry = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id
                + "/milestones/SURVEILLANCE_AUDIT_1/1/reschedule?dryRun=true", Map.of("plannedDate", "2026-06-16"), JsonNode.class);
        assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(dry.getBody().get("fieldErrors").get(0).get("message").asText())
                .isEqualTo("Surveillance audit 1 is due no later than 12 months after the decision (2026-06-15)");
        ResponseEntity<JsonNode> derived = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id
                + "/milestones/CERTIFICATE_EXPIRY/1/reschedule", Map.of("plannedDate", "2028-12-01"), JsonNode.class);
        assertThat(derived.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(derived.getBody().get("fieldErrors").get(0).get("message").asText()).contains("follows from other dates");
    }

    @Test
    void an_existing_certificate_onboarded_at_month_33_plans_the_open_audit_before_its_deadline_and_prepares_it_first() {
        clock.setDate(d("2026-11-30"));
        Long id = program(Framework.ISO27001);
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.isoExisting(d("2024-02-29"))));
        driver(id).runUntil(d("2026-12-01"));

        Milestone s1 = milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1, 1);
        assertThat(s1.getStatus()).isEqualTo(MilestoneStatus.DONE);
        assertThat(s1.getActualDate()).isNull();
        assertThat(s1.getNote()).contains("before tracking");
        Milestone s2 = milestone(id, MilestoneType.SURVEILLANCE_AUDIT_2, 1);
        assertThat(s2.getPlannedDate()).isEqualTo(d("2026-12-31"));
        assertThat(s2.getStatus()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(milestone(id, MilestoneType.INTERNAL_AUDIT, 1).getPlannedDate()).isEqualTo(d("2026-11-30"));
        assertThat(milestone(id, MilestoneType.MANAGEMENT_REVIEW, 1).getPlannedDate()).isEqualTo(d("2026-12-17"));
        assertThat(milestone(id, MilestoneType.RECERTIFICATION_AUDIT, 1).getPlannedDate()).isEqualTo(d("2027-02-04"));
        assertThat(milestone(id, MilestoneType.CERTIFICATE_EXPIRY, 1).getPlannedDate()).isEqualTo(d("2027-02-28"));
        for (Milestone m : milestones.ofProgram(id)) {
            if (m.getStatus() == MilestoneStatus.PLANNED && m.getPlannedDate().isBefore(d("2026-11-30"))) {
                assertThat(m.getNote()).as(m.getType() + " planned in the past needs a reason").isNotBlank();
            }
        }
        assertThat(lifecycles.runningLabel(id)).contains("ISO/IEC 27001 certification cycle");
        JsonNode cert = rest.withBasicAuth("executive", "demo").getForObject("/api/programs/" + id + "/certificate", JsonNode.class);
        assertThat(cert.get("stateLabel").asText()).isEqualTo("At risk");
        assertThat(cert.get("expiryDate").asText()).isEqualTo("2027-02-28");
    }

    @Test
    void an_audit_onboarded_with_too_little_time_to_prepare_stays_at_risk_once_the_process_prepares_it() {
        // Decision 2026-01-20: surveillance 1 planned 2026-12-20 (month 11), due by 2027-01-20; tracking starts
        // 2026-11-30 with 20 days left where preparation needs 35.
        clock.setDate(d("2026-11-30"));
        Long id = program(Framework.ISO27001);
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.isoExisting(d("2026-01-20"))));
        driver(id).runUntil(d("2026-11-30"));

        Milestone s1 = milestone(id, MilestoneType.SURVEILLANCE_AUDIT_1, 1);
        assertThat(s1.getPlannedDate()).isEqualTo(d("2026-12-20"));
        assertThat(s1.getStatus()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(s1.getNote()).isEqualTo("preparation needs 35 days and only 20 are left");
        JsonNode cert = rest.withBasicAuth("executive", "demo").getForObject("/api/programs/" + id + "/certificate", JsonNode.class);
        assertThat(cert.get("stateLabel").asText()).as("on day one, not a day later").isEqualTo("At risk");
        assertThat(cert.get("note").asText())
                .isEqualTo("Surveillance audit 1 2026-12-20 is at risk: preparation needs 35 days and only 20 are left");
    }

    @Test
    void a_move_that_opens_a_coverage_gap_asks_the_team_to_review_it_at_once() {
        // The issue's case: window 1 from 2026-07-01 to 2027-06-30, cycle 2 planned to start 2027-07-01 and moved
        // to 2027-09-01: July and August 2027 (62 days) are covered by no report period.
        clock.setDate(d("2026-06-20"));
        Long id = program(Framework.SOC2_TYPE2);
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.typeTwo(d("2026-07-01"), 12, true)));
        ProcessDriver driver = driver(id);
        driver.runUntil(d("2026-06-21"));
        assertThat(milestone(id, MilestoneType.OBSERVATION_START, 2).getPlannedDate()).isEqualTo(d("2027-07-01"));
        assertThat(driver.openTasks("Task_ReviewPlannedGap")).isEmpty();

        ResponseEntity<JsonNode> moved = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id
                + "/milestones/OBSERVATION_START/2/reschedule", Map.of("plannedDate", "2027-09-01", "reason", "Auditor availability"),
                JsonNode.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode gaps = rest.withBasicAuth("executive", "demo").getForObject("/api/programs/" + id + "/coverage-gaps", JsonNode.class);
        assertThat(gaps).extracting(g -> g.get("from").asText() + " " + g.get("to").asText()).containsExactly("2027-07-01 2027-08-31");
        Milestone start2 = milestone(id, MilestoneType.OBSERVATION_START, 2);
        assertThat(start2.getStatus()).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(start2.getNote()).isEqualTo("Coverage gap: 2027-07-01 to 2027-08-31 (62 days); moved because: Auditor availability");
        // The review is due two weeks after the move (the gap itself starts later).
        assertThat(driver.openTasks("Task_ReviewPlannedGap")).singleElement()
                .satisfies(t -> assertThat(due(t)).isEqualTo(d("2026-07-05")));

        // Completing the review closes it.
        driver.complete(driver.openTasks("Task_ReviewPlannedGap").get(0),
                Map.of("explanation", "Customers get a bridge letter for July and August 2027"));
        assertThat(driver.openTasks("Task_ReviewPlannedGap")).isEmpty();
    }

    @Test
    void a_soc2_program_arriving_with_its_last_report_is_covered_from_day_one_and_knows_when_that_report_goes_stale() {
        clock.setDate(d("2026-11-30"));
        Long id = program(Framework.SOC2_TYPE2);
        // Last report: period 2025-07-01 to 2026-06-30, issued 2026-08-20; the window tracked now began 2026-07-01.
        ResponseEntity<JsonNode> future = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("windowStart", "2026-07-01", "windowMonths", 12, "lastReportPeriodStart", "2025-07-01",
                        "lastReportPeriodEnd", "2026-06-30", "lastReportIssuedOn", "2026-12-20"), JsonNode.class);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("lastReportIssuedOn");
        ResponseEntity<JsonNode> overlap = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("windowStart", "2026-07-01", "windowMonths", 12, "lastReportPeriodStart", "2025-08-01",
                        "lastReportPeriodEnd", "2026-07-31", "lastReportIssuedOn", "2026-09-20"), JsonNode.class);
        assertThat(overlap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overlap.getBody().get("fieldErrors").get(0).get("message").asText())
                .isEqualTo("The last report's period ends before the window tracked now starts (2026-07-01)");
        assertThat(milestones.ofProgram(id)).as("a refused start saves nothing").isEmpty();

        ResponseEntity<JsonNode> ok = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("windowStart", "2026-07-01", "windowMonths", 12, "lastReportPeriodStart", "2025-07-01",
                        "lastReportPeriodEnd", "2026-06-30", "lastReportIssuedOn", "2026-08-20"), JsonNode.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Milestone issued = milestone(id, MilestoneType.REPORT_ISSUED, 0);
        assertThat(issued.getActualDate()).isEqualTo(d("2026-08-20"));
        assertThat(issued.getStatus()).isEqualTo(MilestoneStatus.DONE);
        // Current for twelve months after its period: stale from 2027-06-30, the day the tracked window ends.
        assertThat(milestone(id, MilestoneType.REPORT_STALE, 0).getPlannedDate()).isEqualTo(d("2027-06-30"));
        JsonNode coverage = rest.withBasicAuth("executive", "demo").getForObject("/api/programs/" + id + "/coverage-state",
                JsonNode.class);
        assertThat(coverage.get("kind").asText()).isEqualTo("COVERED");
        assertThat(coverage.get("from").asText()).isEqualTo("2025-07-01");
        assertThat(coverage.get("gaps")).isEmpty();
    }

    @Test
    void a_type2_window_joined_mid_way_creates_no_overdue_control_task() {
        clock.setDate(d("2026-11-30"));
        Long id = program(Framework.SOC2_TYPE2);
        SystemAuthentication.run(() -> lifecycles.startLifecycle(id, LifecycleRequest.typeTwo(d("2026-03-01"), 12, true)));
        ProcessDriver driver = driver(id);
        driver.runUntil(d("2026-11-30"));
        // The engagement letter of a running window is signed: scoping is done on the first day.
        driver.complete(driver.openTasks("Task_Scoping").get(0), Map.of("engagementLetterSignedOn", "2026-11-30"));
        driver.runUntil(d("2026-11-30"));

        assertThat(driver.openTasks("Task_ControlActivity")).isNotEmpty();
        for (Task t : driver.openTasks()) {
            if (t.getDueDate() != null) {
                assertThat(due(t)).as(t.getName()).isAfterOrEqualTo(d("2026-11-30"));
            }
        }
        // A quarterly review in a window from 2026-03-01: due 2026-05-31 and 2026-08-31 before tracking,
        // 2026-11-30 (today) and 2027-02-28 tracked.
        assertThat(controls.expectedVersusDone(id)).filteredOn(e -> e.activityCode().equals("USER_ACCESS_REVIEW"))
                .extracting(e -> e.expected() + "/" + e.done() + "/" + e.overdue() + "/" + e.beforeTracking())
                .containsExactly("4/0/0/2");
        assertThat(controls.occurrences(id)).filteredOn(o -> o.activityCode().equals("USER_ACCESS_REVIEW"))
                .extracting(o -> o.dueOn() + " " + o.status())
                .containsExactly("2026-05-31 BEFORE_TRACKING", "2026-08-31 BEFORE_TRACKING", "2026-11-30 PLANNED",
                        "2027-02-28 PLANNED");
    }

    @Test
    void dates_of_things_that_happened_cannot_lie_in_the_future_and_an_expired_certificate_cannot_be_onboarded() {
        clock.setDate(d("2026-11-30"));
        Long id = program(Framework.ISO27001);
        ResponseEntity<JsonNode> future = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("isoStart", "EXISTING", "decisionDate", "2025-06-15", "surveillance1HeldOn", "2026-12-02"), JsonNode.class);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("surveillance1HeldOn");
        assertThat(future.getBody().get("fieldErrors").get(0).get("message").asText()).contains("cannot lie in the future");

        ResponseEntity<JsonNode> expired = rest.withBasicAuth("manager", "demo").postForEntity("/api/programs/" + id + "/lifecycle",
                Map.of("isoStart", "EXISTING", "decisionDate", "2023-11-23"), JsonNode.class);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(expired.getBody().get("fieldErrors").get(0).get("message").asText()).contains("expired on 2026-11-22");
        assertThat(milestones.ofProgram(id)).isEmpty();
    }
}
